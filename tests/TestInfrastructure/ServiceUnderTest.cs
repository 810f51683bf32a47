using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// A service in-process (its real Program) with the configuration keys a host would pass, pointing at
/// real throwaway servers. Polls readiness for a condition instead of sleeping.
/// </summary>
public sealed class ServiceUnderTest<TEntryPoint>(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync()
    {
        using var client = CreateClient();
        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>Waits until readiness reports <paramref name="check"/> with <paramref name="status"/>; returns the body then.</summary>
    public async Task<JsonElement> WaitForCheckAsync(string check, string status, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        JsonElement last = default;
        while (!cts.IsCancellationRequested)
        {
            (_, last) = await GetHealthAsync();
            if (last.GetProperty("checks").TryGetProperty(check, out var entry) && entry.GetProperty("status").GetString() == status)
                return last;
            try { await Task.Delay(100, cts.Token); } catch (OperationCanceledException) { }
        }
        throw new TimeoutException($"'{check}' did not become {status}; last /health: {last}");
    }
}
