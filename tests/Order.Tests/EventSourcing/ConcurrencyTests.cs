using ECommerce.Contracts;
using ECommerce.Order.Api.Domain;
using ECommerce.Order.Api.Domain.Events;
using ECommerce.Order.Api.Saga;
using ECommerce.Order.Tests.Integration;
using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Order.Tests.EventSourcing;

/// <summary>Marten's optimistic concurrency on one order stream, and the saga deciding again when it loses.</summary>
[Collection(SagaCollection.Name)]
public sealed class ConcurrencyTests(SagaFixture fixture)
{
    [Fact]
    public async Task Of_two_writers_fetched_at_the_same_version_the_first_save_wins_and_the_second_gets_a_concurrency_error()
    {
        var orderId = await fixture.StartAsync();
        var store = fixture.Store();
        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var mine = await first.Events.FetchForWriting<OrderAggregate>(orderId);
        var theirs = await second.Events.FetchForWriting<OrderAggregate>(orderId);
        Assert.Equal(1, mine.CurrentVersion);
        Assert.Equal(1, theirs.CurrentVersion);

        mine.AppendOne(new OrderStockReserved(orderId, DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow));
        theirs.AppendOne(new OrderStockReserved(orderId, DateTimeOffset.UtcNow.AddMinutes(5), DateTimeOffset.UtcNow));
        await first.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(["OrderPlaced", "OrderStockReserved"], await fixture.EventTypesAsync(orderId));
    }

    [Fact]
    public async Task A_saga_step_that_loses_the_race_is_decided_again_against_the_winners_order()
    {
        var orderId = await fixture.StartAsync();
        var services = fixture.Service.Services;
        var runner = services.GetRequiredService<SagaRunner>();
        var metrics = services.GetRequiredService<OrderMetrics>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var conflictsBefore = metrics.ConcurrentChanges;
        var reply = new StockReserved(orderId, DateTimeOffset.UtcNow.AddMinutes(5));

        // The winner decides and appends, and keeps its transaction open.
        await using var winnerConnection = await dataSource.OpenConnectionAsync();
        await using var winnerTransaction = await winnerConnection.BeginTransactionAsync();
        var winnerSink = new CapturingSink();
        var won = await runner.RunAsync(orderId, reply, winnerTransaction, winnerSink, CancellationToken.None);

        // The same reply delivered again, concurrently: it sees the committed order (still Pending), decides the
        // same, and its save waits on the winner's stream row.
        await using var loserConnection = await dataSource.OpenConnectionAsync();
        await using var loserTransaction = await loserConnection.BeginTransactionAsync();
        var loserSink = new CapturingSink();
        var losing = runner.RunAsync(orderId, reply, loserTransaction, loserSink, CancellationToken.None);
        await Eventually.GetAsync(() => WaitingOnLocksAsync(dataSource, loserConnection.ProcessID), waiting => waiting || losing.IsCompleted,
            "the second step to wait for the first one's stream row");
        Assert.False(losing.IsCompleted, "the second step should wait for the first, not finish");

        await winnerTransaction.CommitAsync();
        var lost = await losing;
        await loserTransaction.CommitAsync();

        Assert.Single(won.Events.OfType<OrderStockReserved>());
        Assert.Single(winnerSink.Sent.OfType<ChargePayment>());
        Assert.True(lost.IsNothing, "decided again, the duplicate reply finds the stock already reserved");
        Assert.Empty(loserSink.Sent);
        Assert.True(metrics.ConcurrentChanges > conflictsBefore, "the second step should have hit a concurrency error");
        Assert.Equal(["OrderPlaced", "OrderStockReserved"], await fixture.EventTypesAsync(orderId));
    }

    private static async Task<bool> WaitingOnLocksAsync(NpgsqlDataSource dataSource, int processId)
    {
        await using var command = dataSource.CreateCommand("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = @pid");
        command.Parameters.AddWithValue("pid", processId);
        return await command.ExecuteScalarAsync() is true;
    }
}
