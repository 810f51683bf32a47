using System.Text.Json;

namespace ECommerce.Chaos;

public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(ChaosReport report) => JsonSerializer.Serialize(report, Options);

    public static string Serialize(IReadOnlyList<ChaosReport> reports) => JsonSerializer.Serialize(reports, Options);
}
