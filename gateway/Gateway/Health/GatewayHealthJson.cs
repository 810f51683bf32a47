using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway.Health;

/// <summary>The public readiness body of API.md: <c>{ status, services: { product: "Healthy", ... } }</c>.</summary>
public static class GatewayHealthJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var services = report.Entries.TryGetValue("services", out var entry)
            ? entry.Data.ToDictionary(d => d.Key, d => d.Value)
            : [];
        var body = new { status = report.Status.ToString(), services };
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
