namespace ECommerce.Chaos;

/// <summary>Before any load: the admin token, N fresh users with tokens, the products used and their start stock.</summary>
public static class Setup
{
    public const string UserPassword = "Chaos-runner-1";

    public static async Task RunAsync(ChaosRun run, int users, int products, int stock, CancellationToken ct)
    {
        run.AdminToken = await run.Api.TokenAsync(run.Gateway, run.Options.AdminEmail, run.Options.AdminPassword, ct)
            ?? throw new ChaosException($"Cannot sign in as {run.Options.AdminEmail} at {run.Gateway} (is the system up? --admin/--admin-password)");

        var prefix = $"chaos-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var tokens = new string?[users];
        // A few at a time: registration and sign-in are anonymous, so they share the per-IP rate limit.
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, c) =>
        {
            var email = $"{prefix}-{i}@chaos.local";
            var registered = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Post, run.Url("/api/auth/register"), null,
                new { email, password = UserPassword, name = $"Chaos user {i}" }, ct: c), TimeSpan.FromSeconds(60), c);
            if (!registered.Ok) throw new ChaosException($"Registering {email} failed: {registered.Outcome} {registered.Body}");
            tokens[i] = await run.Api.TokenAsync(run.Gateway, email, UserPassword, c)
                ?? throw new ChaosException($"Signing in {email} failed.");
        });
        run.UserTokens.AddRange(tokens.Select(t => t!));

        var page = Random.Shared.Next(1, 20);
        var list = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Get,
            run.Url($"/api/products?page={page}&pageSize={products}&sort=name"), run.AdminToken, ct: ct), TimeSpan.FromSeconds(60), ct);
        if (!list.Ok) throw new ChaosException($"Listing products failed: {list.Outcome} {list.Body}");
        var ids = list.Json.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Take(products).ToList();
        if (ids.Count < products) throw new ChaosException($"Wanted {products} products, the catalog gave {ids.Count}.");

        var pool = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Get,
            run.Url($"/api/products?page={Random.Shared.Next(1, 10)}&pageSize=100"), run.AdminToken, ct: ct), TimeSpan.FromSeconds(60), ct);
        if (pool.Ok) run.BrowsePool.AddRange(pool.Json.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
        if (run.BrowsePool.Count == 0) run.BrowsePool.AddRange(ids);

        foreach (var id in ids)
        {
            var set = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Put, run.Url($"/api/inventory/{id}"), run.AdminToken,
                new { onHand = stock }, ct: ct), TimeSpan.FromSeconds(60), ct);
            if (!set.Ok) throw new ChaosException($"Setting the stock of {id} failed: {set.Outcome} {set.Body}");
            var (onHand, reserved) = await Stock.ReadAsync(run, id, ct);
            if (reserved != 0) run.Note($"product {id} had {reserved} units reserved at the start (an earlier run's orders?)");
            run.StartOnHand[id] = onHand;
        }
    }
}
