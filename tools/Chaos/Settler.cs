namespace ECommerce.Chaos;

/// <summary>
/// After the load: finds every order the users have (also those whose 202 was lost in a fault) and waits until
/// each is Confirmed or Cancelled, or the settle time is up. Whatever is left is stuck.
/// </summary>
public static class Settler
{
    public static async Task<IReadOnlyList<TrackedOrder>> SettleAsync(ChaosRun run, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + run.Options.SettleTimeout;
        var users = Enumerable.Range(0, run.UserTokens.Count).ToList();
        var finalSweep = false;
        while (true)
        {
            await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (user, c) => await RefreshAsync(run, user, c));
            var open = run.Orders.Values.Where(o => !o.IsTerminal).ToList();
            if (DateTime.UtcNow > deadline) return open;
            if (open.Count == 0)
            {
                if (finalSweep) return open;
                // Everything known is finished: one more look at every user's list, for an order placed late.
                finalSweep = true;
                users = Enumerable.Range(0, run.UserTokens.Count).ToList();
            }
            else
            {
                finalSweep = false;
                users = open.Select(o => o.User).Distinct().ToList();
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>GET /api/orders as the user: every order of theirs, newest first.</summary>
    private static async Task RefreshAsync(ChaosRun run, int user, CancellationToken ct)
    {
        var answer = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Get, run.Url("/api/orders"),
            run.UserTokens[user], ct: ct), TimeSpan.FromSeconds(20), ct);
        if (!answer.Ok) return;
        foreach (var view in answer.Json.EnumerateArray())
        {
            var id = view.GetProperty("id").GetString()!;
            var order = run.Orders.GetOrAdd(id, _ =>
            {
                run.Note($"order {id} of user {user} was found only in the user's list (its checkout answer was lost)");
                return new TrackedOrder(id, user, Phase.Settle, view.GetProperty("createdAt").GetDateTimeOffset());
            });
            if (order.Observe(view)) OrderProgress.Finished(run, order);
        }
    }
}
