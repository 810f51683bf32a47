using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ECommerce.Checkout.Bench;

/// <summary>One checkout as measured: accepted or not, how it ended, and its times.</summary>
public sealed record CheckoutResult(bool Accepted, string? Status, string? Reason, TimeSpan Request, TimeSpan ToTerminal, DateTimeOffset? ConfirmedAt);

/// <summary>
/// Each user in a loop: put an item in the cart, check out, watch the order until it is Confirmed or Cancelled. A
/// shared pacer releases at most <c>rate</c> checkouts a second, so the offered load is bounded in rate and time.
/// </summary>
public sealed class CheckoutLoad(BenchShop shop, IReadOnlyList<string> products, IReadOnlyList<string> users, int rate, TimeSpan duration)
{
    private static readonly object Address = new { name = "Bench", line1 = "1 Load St", city = "Bench", postalCode = "1", country = "US" };
    private static readonly TimeSpan WatchBound = TimeSpan.FromSeconds(60);
    private readonly List<CheckoutResult> _results = [];

    public async Task<IReadOnlyList<CheckoutResult>> RunAsync()
    {
        var started = Stopwatch.StartNew();
        var issued = 0;
        async Task<bool> NextSlotAsync()
        {
            // Bounded both ways: at most rate x duration checkouts, and none started after the duration.
            if (started.Elapsed >= duration) return false;
            var slot = Interlocked.Increment(ref issued) - 1;
            var at = TimeSpan.FromSeconds((double)slot / rate);
            if (at >= duration) return false;
            var wait = at - started.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            return true;
        }
        await Task.WhenAll(users.Select((token, i) => Task.Run(async () =>
        {
            for (var n = i; await NextSlotAsync(); n++)
            {
                var result = await CheckoutOnceAsync(token, products[n % products.Count]);
                lock (_results) _results.Add(result);
            }
        })));
        return _results;
    }

    private async Task<CheckoutResult> CheckoutOnceAsync(string token, string productId)
    {
        var clock = Stopwatch.StartNew();
        using (var put = await shop.SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", token, new { quantity = 1 }))
            if (!put.IsSuccessStatusCode) return new(false, null, $"cart {(int)put.StatusCode}", clock.Elapsed, TimeSpan.Zero, null);
        using var checkout = await shop.SendAsync(HttpMethod.Post, "/api/orders/checkout", token,
            new { shippingAddress = Address, payment = new { cardToken = "tok_visa" } }, Guid.NewGuid().ToString("N"));
        var request = clock.Elapsed;
        if (checkout.StatusCode != HttpStatusCode.Accepted) return new(false, null, $"checkout {(int)checkout.StatusCode}", request, TimeSpan.Zero, null);
        var orderId = JsonDocument.Parse(await checkout.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString();
        while (clock.Elapsed < WatchBound)
        {
            await Task.Delay(100);
            using var response = await shop.SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", token);
            if (!response.IsSuccessStatusCode) continue;
            var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var status = order.GetProperty("status").GetString();
            if (status is not ("Confirmed" or "Cancelled")) continue;
            // The order's own timestamps: placed to finished, without this client's polling interval in it.
            var createdAt = order.GetProperty("createdAt").GetDateTimeOffset();
            var updatedAt = order.GetProperty("updatedAt").GetDateTimeOffset();
            var reason = order.TryGetProperty("failureReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return new(true, status, reason, request, updatedAt - createdAt, status == "Confirmed" ? updatedAt : null);
        }
        return new(true, null, "stuck", request, clock.Elapsed, null);
    }
}
