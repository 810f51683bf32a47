using System.Collections.Concurrent;
using ECommerce.Order.Api.Checkout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ECommerce.Order.Tests.Integration;

/// <summary>
/// The cart service at its HTTP boundary: GET /api/cart answers the cart the test put for the token's subject, and
/// only when a bearer token came along (so a passing checkout proves the caller's token was forwarded).
/// </summary>
internal sealed class CartStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CartSnapshot> _carts = new();
    private StubServer _server = null!;

    public string Url => _server.Url;
    public volatile bool Down;
    public int Requests;

    public static async Task<CartStub> StartAsync()
    {
        var stub = new CartStub();
        stub._server = await StubServer.StartAsync(app => app.MapGet("/api/cart", (HttpRequest request) =>
        {
            Interlocked.Increment(ref stub.Requests);
            if (stub.Down) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return Results.Unauthorized();
            var subject = new JsonWebToken(header["Bearer ".Length..]).Subject;
            return Results.Json(stub._carts.GetValueOrDefault(subject) ?? new CartSnapshot([], 0, "EUR"));
        }));
        return stub;
    }

    public void Put(string userId, params CartLine[] lines) =>
        _carts[userId] = new CartSnapshot(lines, lines.Sum(l => l.LineTotal), "EUR");

    public static CartLine Line(string productId, decimal unitPrice, int quantity) =>
        new(productId, $"Product {productId}", unitPrice, quantity, unitPrice * quantity);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
