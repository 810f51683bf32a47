using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ECommerce.Chaos;

/// <summary>One HTTP answer as the runner counts it: status 0 means no answer (connection refused, reset, timeout).</summary>
public sealed record Answer(int Status, string Body, HttpResponseHeaders? Headers, TimeSpan Elapsed, string? ContentType = null)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>"200", "503", "429" or "error".</summary>
    public string Outcome => Status == 0 ? "error" : Status.ToString();

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) =>
        Headers is not null && Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public TimeSpan RetryAfter => Headers?.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);

    public bool IsProblem => ContentType == "application/problem+json";

    public static async Task<Answer> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new Answer((int)response.StatusCode, body, response.Headers, watch.Elapsed,
                response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Answer(0, e.Message, null, watch.Elapsed);
        }
    }
}
