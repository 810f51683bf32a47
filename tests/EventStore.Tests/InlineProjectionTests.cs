using ECommerce.TestInfrastructure;

namespace ECommerce.EventStore.Tests;

public sealed class InlineProjectionTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    private static void Inline(EventStoreOptions store) => store.Projections.Add<BalanceProjection>(ProjectionLifecycle.Inline);

    [Fact]
    public async Task An_inline_projection_is_up_to_date_when_the_append_returns()
    {
        await using var host = await StoreHost.StartAsync(database, Inline);
        var stream = TestServers.NewName("account");

        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(10m), new Withdrawn(1m)]);

        Assert.Equal(9m, await database.ScalarAsync<decimal>("SELECT balance FROM account_balances WHERE stream_id = $1", stream));
        Assert.Equal(3, await database.ScalarAsync<int>("SELECT events FROM account_balances WHERE stream_id = $1", stream));
    }

    [Fact]
    public async Task An_inline_projection_rolls_back_with_the_callers_transaction()
    {
        await using var host = await StoreHost.StartAsync(database, Inline);
        var stream = TestServers.NewName("account");
        await using var connection = await database.OpenAsync();

        await using (var tx = await connection.BeginTransactionAsync())
        {
            await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new Deposited(10m)], tx);
            await tx.RollbackAsync();
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM account_balances WHERE stream_id = $1", stream));
        Assert.Empty(await host.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task A_failing_inline_projection_fails_the_append_and_stores_no_event()
    {
        await using var host = await StoreHost.StartAsync(database, Inline);
        var stream = TestServers.NewName("account");
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new Deposited(10m)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.AppendAsync(stream, 1, [new Deposited(1m), new Withdrawn(666m)]));

        Assert.Equal(1, await host.Store.GetStreamVersionAsync(stream));
        Assert.Equal(10m, await database.ScalarAsync<decimal>("SELECT balance FROM account_balances WHERE stream_id = $1", stream));
    }
}
