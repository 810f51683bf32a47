using System.Diagnostics;

namespace ECommerce.Chaos;

/// <summary>
/// One shopper: puts an item in the cart, checks out with an Idempotency-Key, follows the order to its end, and
/// browses in between. Requests are spaced so one user stays under the gateway's per-user limit; a 429 is counted
/// and waited out, never an error.
/// </summary>
public sealed class VirtualUser(ChaosRun run, int index)
{
    /// <summary>About 85 requests a minute: under the default 100 per user.</summary>
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(700);
    private static readonly string[] Words = ["phone", "shoe", "lamp", "coffee", "jacket", "laptop", "book", "watch", "chair", "sofa"];
    private static readonly TimeSpan FollowFor = TimeSpan.FromSeconds(5);
    private readonly string _token = run.UserTokens[index];
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    /// <summary>Checkout cycles and browsing until <paramref name="stop"/>.</summary>
    public async Task ShopAsync(bool checkout, CancellationToken stop)
    {
        var products = run.StartOnHand.Keys.ToArray();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (checkout) await CheckoutAsync(products[Random.Shared.Next(products.Length)], stop);
                await BrowseAsync(stop);
                await BrowseAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>One checkout and nothing else (the flash sale's buyers).</summary>
    public async Task BuyOnceAsync(string productId, CancellationToken stop)
    {
        try
        {
            await CheckoutAsync(productId, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task CheckoutAsync(string productId, CancellationToken stop)
    {
        var cart = await SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", new { quantity = 1 }, null, stop);
        run.Tally.Count(run.Phase, $"cart:{cart.Outcome}");
        if (cart.Status == 503 && !cart.IsProblem) run.Tally.Count(run.Phase, "cart:503-not-problem");
        if (!cart.Ok) return;

        var key = Guid.NewGuid().ToString();
        var body = new
        {
            shippingAddress = new { name = $"Chaos user {index}", line1 = "1 Test Street", city = "Springfield", postalCode = "12345", country = "US" },
            payment = new { cardToken = "tok_visa" },
        };
        var submitted = DateTimeOffset.UtcNow;
        var phase = run.Phase;
        Answer answer;
        // The same key again while there is no clear answer: the order may exist although its 202 was lost.
        for (var attempt = 0; ; attempt++)
        {
            // Never cancelled half-way: a checkout the server finishes after the client gave up would be an order
            // nobody tracks. The HttpClient timeout bounds it.
            answer = await SendAsync(HttpMethod.Post, "/api/orders/checkout", body, key, CancellationToken.None);
            run.Tally.Count(run.Phase, $"checkout:{answer.Outcome}");
            if (answer.Status is not (0 or 409 or 429 or >= 500) || attempt >= 8 || stop.IsCancellationRequested) break;
        }
        if (!answer.Ok) return;
        var id = answer.Json.GetProperty("orderId").GetString()!;
        var order = run.Orders.GetOrAdd(id, _ => new TrackedOrder(id, index, phase, submitted));
        await FollowAsync(order, stop);
    }

    /// <summary>
    /// GET the order until it is Confirmed or Cancelled, for a few seconds at most: a shopper whose order waits
    /// behind a fault goes on shopping (the settle phase follows it to its end).
    /// </summary>
    private async Task FollowAsync(TrackedOrder order, CancellationToken stop)
    {
        var giveUp = DateTime.UtcNow + FollowFor;
        while (!order.IsTerminal && !stop.IsCancellationRequested && DateTime.UtcNow < giveUp)
        {
            var answer = await SendAsync(HttpMethod.Get, $"/api/orders/{order.Id}", null, null, stop);
            if (answer.Ok && order.Observe(answer.Json))
                OrderProgress.Finished(run, order);
        }
    }

    public async Task BrowseAsync(CancellationToken stop)
    {
        var product = run.StartOnHand.Keys.ElementAt(Random.Shared.Next(run.StartOnHand.Count));
        var (kind, path) = Random.Shared.Next(5) switch
        {
            0 => ("list", $"/api/products?page={Random.Shared.Next(1, 30)}&pageSize=20"),
            1 => ("search", $"/api/products/search?q={Words[Random.Shared.Next(Words.Length)]}"),
            2 => ("page", $"/api/products/{product}/page"),
            3 => ("get", $"/api/products/{product}"),
            // Products nobody else reads: past every cache layer.
            _ => ("get", $"/api/products/{run.BrowsePool[Random.Shared.Next(run.BrowsePool.Count)]}"),
        };
        var phase = run.Phase;
        var answer = await SendAsync(HttpMethod.Get, path, null, null, stop);
        run.Tally.Count(phase, $"browse:{answer.Outcome}");
        if (kind == "get") run.Tally.Count(phase, answer.Ok ? $"x-cache:{answer.Header("X-Cache") ?? "none"}" : $"product-read:{answer.Outcome}");
        if (answer.Ok) run.Tally.Latency(phase, "browse", answer.Elapsed);
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, object? body, string? key, CancellationToken stop)
    {
        var wait = Gap - _sinceLast.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
        var answer = await run.Api.SendAsync(method, run.Url(path), _token, body, key, stop);
        _sinceLast.Restart();
        if (answer.Status == 429)
        {
            run.Tally.Count(run.Phase, "rate-limited:429");
            await Task.Delay(answer.RetryAfter, stop);
        }
        return answer;
    }
}
