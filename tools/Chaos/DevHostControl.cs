using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Chaos;

/// <summary>
/// DevHost's control API (process and server faults) and the services' own URLs (fault plans, /health), found
/// from devhost.json or the control URL. Absent when no DevHost runs: scenarios that need it refuse to start.
/// </summary>
public sealed class DevHostControl(HttpClient control, IReadOnlyList<DevHostControl.Resource> resources)
{
    public sealed record Resource(string Name, string Kind, string State, string? Url);

    private sealed record StatusFile(string ControlUrl, string? GatewayUrl, string? LogDirectory, List<Resource> Resources);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri ControlUrl => control.BaseAddress!;

    public string? LogDirectory { get; private init; }

    public Uri? GatewayUrl { get; private init; }

    public Uri? ServiceUrl(string name) =>
        resources.FirstOrDefault(r => r.Name == name)?.Url is { } url ? new Uri(url) : null;

    public IEnumerable<(string Name, Uri Url)> Projects =>
        resources.Where(r => r.Kind == "Project" && r.Url is not null && r.Name != "gateway").Select(r => (r.Name, new Uri(r.Url!)));

    /// <summary>POST /resources/{name}/{verb}: stop, start, restart, kill, pause, resume. Throws on a refusal.</summary>
    public async Task ActAsync(string name, string verb, CancellationToken ct)
    {
        using var response = await control.PostAsync($"/resources/{name}/{verb}", null, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"DevHost refused {verb} {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>
    /// <paramref name="where"/>: a state folder, a devhost.json path or a control URL; null: <c>&lt;repo&gt;/.devhost</c>,
    /// then http://127.0.0.1:8089. Null when nothing answers.
    /// </summary>
    public static async Task<DevHostControl?> FindAsync(string? where, string repoRoot, CancellationToken ct)
    {
        if (where is not null && Uri.TryCreate(where, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http"))
            return await FromControlUrlAsync(url, null, ct);
        var file = where is null ? Path.Combine(repoRoot, ".devhost", "devhost.json")
            : Directory.Exists(where) ? Path.Combine(where, "devhost.json") : where;
        if (File.Exists(file))
        {
            var status = JsonSerializer.Deserialize<StatusFile>(await File.ReadAllTextAsync(file, ct), Json)!;
            var found = await FromControlUrlAsync(new Uri(status.ControlUrl), status, ct);
            if (found is not null) return found;
        }
        return where is null ? await FromControlUrlAsync(new Uri("http://127.0.0.1:8089"), null, ct) : null;
    }

    private static async Task<DevHostControl?> FromControlUrlAsync(Uri url, StatusFile? status, CancellationToken ct)
    {
        // Starting PostgreSQL or RabbitMQ again can take a while; the control API answers when it is up.
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(150) };
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
            probe.CancelAfter(TimeSpan.FromSeconds(3));
            var resources = await http.GetFromJsonAsync<List<Resource>>("/resources", Json, probe.Token) ?? [];
            var gateway = resources.FirstOrDefault(r => r.Name == "gateway")?.Url ?? status?.GatewayUrl;
            return new DevHostControl(http, resources)
            {
                LogDirectory = status?.LogDirectory,
                GatewayUrl = gateway is null ? null : new Uri(gateway),
            };
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            http.Dispose();
            return null;
        }
    }
}
