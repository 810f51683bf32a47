namespace ECommerce.Chaos;

/// <summary>Inventory reads through the gateway (admin token, patient with 429 and restarts).</summary>
public static class Stock
{
    public static async Task<(int OnHand, int Reserved)> ReadAsync(ChaosRun run, string productId, CancellationToken ct)
    {
        var answer = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Get,
            run.Url($"/api/inventory/{productId}"), run.AdminToken, ct: ct), TimeSpan.FromSeconds(60), ct);
        if (!answer.Ok) throw new ChaosException($"Reading the stock of {productId} failed: {answer.Outcome} {answer.Body}");
        var json = answer.Json;
        return (json.GetProperty("onHand").GetInt32(), json.GetProperty("reserved").GetInt32());
    }
}
