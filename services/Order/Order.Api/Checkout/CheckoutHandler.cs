using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Saga;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ECommerce.Order.Api.Checkout;

/// <summary>
/// Turns the caller's cart into an order: in one transaction the idempotency record, the OrderPlaced event (a new Marten
/// stream, with its inline projections) and the ReserveStock command in the outbox; all three or none.
/// </summary>
public sealed class CheckoutHandler(
    NpgsqlDataSource dataSource, IdempotencyStore keys, CartClient cart, IDocumentStore store, IOutbox outbox,
    IOptions<SagaOptions> options, TimeProvider clock, OrderMetrics metrics, ILogger<CheckoutHandler> logger)
{
    /// <summary>For a cart that names no currency (the catalog's prices are in one).</summary>
    public const string DefaultCurrency = "USD";

    public async Task<IResult> CheckoutAsync(string userId, string key, CheckoutRequest request, string? authorization, CancellationToken ct)
    {
        var hash = RequestHash.Of(request);
        if (await keys.FindAsync(userId, key, ct) is { } earlier) return Replay(earlier, hash);

        var snapshot = await cart.GetAsync(authorization, ct);
        if (snapshot is null)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Cart unavailable", "The cart service did not answer; try again with the same Idempotency-Key.");
        var lines = (snapshot.Items ?? []).Where(i => i.Quantity > 0)
            .Select(i => new OrderLine(i.ProductId, i.Name, i.Quantity, i.UnitPrice)).ToList();
        if (lines.Count == 0) return Problem(StatusCodes.Status400BadRequest, "Empty cart", "There is nothing in your cart to check out.");

        var orderId = Guid.CreateVersion7();
        var address = request.ShippingAddress!;
        // Priced from the lines the cart returned (its own total is only a display value).
        var total = lines.Sum(l => l.UnitPrice * l.Quantity);
        var start = OrderSaga.Start(orderId, userId, lines, total, snapshot.Currency ?? DefaultCurrency,
            new ShippingAddress(address.Name!, address.Line1!, address.City!, address.PostalCode!, address.Country!),
            request.Payment!.CardToken!, clock.GetUtcNow(), options.Value);
        var answer = new IdempotencyRecord(orderId, hash, StatusCodes.Status202Accepted,
            JsonSerializer.Serialize(new CheckoutAccepted(orderId, nameof(OrderStatus.Pending)), JsonSerializerOptions.Web));

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            if (await IdempotencyStore.TryClaimAsync(userId, key, answer, transaction, ct))
            {
                // The Marten session is enlisted in this transaction: its events (and inline projections) commit with the outbox row.
                await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
                session.Events.StartStream<OrderAggregate>(orderId, start.Events);
                await session.SaveChangesAsync(ct);
                var sink = MessageSinks.Outbox(outbox, transaction);
                foreach (var message in start.Messages) await sink.SendAsync(message, ct);
                await transaction.CommitAsync(ct);
                metrics.OrderPlaced();
                logger.LogInformation("Order {OrderId} placed by {UserId}: {Lines} lines, {Total}", orderId, userId, lines.Count, total);
                return Replay(answer, hash);
            }
        }
        // A concurrent request with the same key won the claim and has committed by now.
        return await keys.FindAsync(userId, key, ct) is { } winner
            ? Replay(winner, hash)
            : Problem(StatusCodes.Status409Conflict, "Checkout in progress", "A request with this Idempotency-Key is being processed.");
    }

    private static IResult Replay(IdempotencyRecord record, string hash) => record.RequestHash != hash
        ? Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different checkout request; use a new key for a new request.")
        : new StoredAnswer(record);

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>The stored body byte for byte, with the order's Location.</summary>
    private sealed class StoredAnswer(IdempotencyRecord record) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = record.StatusCode;
            http.Response.Headers.Location = $"/api/orders/{record.OrderId}";
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(record.Response);
        }
    }
}
