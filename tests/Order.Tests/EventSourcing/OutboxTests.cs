using System.Net;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Order.Tests.EventSourcing;

/// <summary>The events of a command and its outbox row commit in one PostgreSQL transaction, or neither does.</summary>
[Collection(SagaCollection.Name)]
public sealed class OutboxTests(SagaFixture fixture)
{
    [Fact]
    public async Task Events_and_the_outbox_row_roll_back_together()
    {
        var services = fixture.Service.Services;
        var orderId = Guid.CreateVersion7();
        var placed = OrderStreams.Placed(orderId, DateTimeOffset.UtcNow);
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var session = fixture.Store().LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            session.Events.StartStream<OrderAggregate>(orderId, placed);
            await session.SaveChangesAsync();
            await services.GetRequiredService<IOutbox>().EnqueueAsync(new ReserveStock(orderId, placed.Lines, placed.Deadline), transaction);
            Assert.Equal(1, await OutboxRowsAsync(connection, orderId, transaction));
            await transaction.RollbackAsync();
        }

        Assert.Empty(await fixture.EventTypesAsync(orderId));
        Assert.Equal(0, await OutboxRowsAsync(connection, orderId));
        Assert.Equal(HttpStatusCode.NotFound, (await new OrderClient(fixture, placed.UserId).GetAsync($"/api/orders/{orderId}")).Status);
    }

    [Fact]
    public async Task An_instance_killed_after_its_commit_and_before_its_publish_loses_nothing_and_duplicates_nothing()
    {
        // Another instance on the same database whose broker is gone: what it commits, it never publishes.
        var settings = new Dictionary<string, string>(fixture.Settings) { ["ConnectionStrings:eventbus"] = "amqp://guest:guest@127.0.0.1:1/" };
        Guid orderId;
        string userId;
        await using (var doomed = new OrderServiceFactory(settings, fixture.Clock))
        {
            var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}", service: doomed);
            fixture.Cart.Put(customer.UserId, CartStub.Line("p-7", 4.00m, 2));
            orderId = await customer.PlaceAsync();
            userId = customer.UserId;
            // Committed with the OrderPlaced event, not published by this instance.
            Assert.Equal(["OrderPlaced"], await fixture.EventTypesAsync(orderId));
        } // the instance is gone with its ReserveStock unpublished

        // The surviving instance relays the committed row: the saga runs to the end, each message once.
        var survivor = new OrderClient(fixture, userId);
        await survivor.WaitForStatusAsync(orderId, "Confirmed");
        Assert.Single(await fixture.Participants.WaitForAsync<OrderConfirmed>(orderId));
        Assert.Single(fixture.Participants.Received<ReserveStock>(orderId));
        Assert.Single(fixture.Participants.Received<ChargePayment>(orderId));
        Assert.Equal(["OrderPlaced", "OrderStockReserved", "OrderPaymentAuthorized", "OrderConfirmed"], await fixture.EventTypesAsync(orderId));
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await Eventually.GetAsync(() => OutboxRowsAsync(connection, orderId), rows => rows == 0, "the outbox to be relayed");
    }

    private static async Task<long> OutboxRowsAsync(NpgsqlConnection connection, Guid orderId, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {MessagingDatabaseTable} WHERE body LIKE '%' || @id || '%'", connection, transaction);
        command.Parameters.AddWithValue("id", orderId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private const string MessagingDatabaseTable = "messaging_outbox";
}
