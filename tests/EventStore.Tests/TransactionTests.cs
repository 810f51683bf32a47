using ECommerce.TestInfrastructure;
using Npgsql;

namespace ECommerce.EventStore.Tests;

public sealed class TransactionTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task Events_and_an_outbox_row_in_the_callers_transaction_roll_back_together()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await using var connection = await database.OpenAsync();

        await using (var tx = await connection.BeginTransactionAsync())
        {
            var version = await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada")], tx);
            await InsertOutboxAsync(tx, stream);
            Assert.Equal(1, version);
            await tx.RollbackAsync();
        }

        Assert.Empty(await host.Store.ReadStreamAsync(stream));
        Assert.Equal(0, await host.Store.GetStreamVersionAsync(stream));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE body = $1", stream));
    }

    [Fact]
    public async Task Events_and_an_outbox_row_in_the_callers_transaction_commit_together()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await using var connection = await database.OpenAsync();

        await using (var tx = await connection.BeginTransactionAsync())
        {
            await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada")], tx);
            await InsertOutboxAsync(tx, stream);
            Assert.Empty(await host.Store.ReadStreamAsync(stream));   // not visible before commit
            await tx.CommitAsync();
        }

        Assert.Single(await host.Store.ReadStreamAsync(stream));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE body = $1", stream));
    }

    [Fact]
    public async Task An_aggregate_read_in_the_callers_transaction_sees_its_uncommitted_events()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await using var connection = await database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();

        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(4m)], tx);

        Assert.Equal(4m, (await host.Store.AggregateStreamAsync<Account>(stream, tx))!.Balance);
        Assert.Null(await host.Store.AggregateStreamAsync<Account>(stream));
    }

    [Fact]
    public async Task Appends_do_not_wait_for_each_other_but_a_global_reader_never_passes_one_in_flight()
    {
        await using var host = await StoreHost.StartAsync(database);
        var (first, second) = (TestServers.NewName("first"), TestServers.NewName("second"));
        var before = await HeadAsync(host);
        await using var connection = await database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await host.Store.AppendAsync(first, ExpectedVersion.NoStream, [new AccountOpened("slow")], tx);

        // The second append takes a higher position and commits while the first is still open.
        await host.Store.AppendAsync(second, ExpectedVersion.NoStream, [new AccountOpened("fast")]).WaitAsync(TimeSpan.FromSeconds(30));
        var read = host.Store.ReadAllAsync(before);
        await Eventually.TrueAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0);
        Assert.False(read.IsCompleted);   // returning [second] now would let a projection skip the first for ever
        await tx.CommitAsync();

        var after = await read;
        Assert.Equal([first, second], after.Select(e => e.StreamId));
        Assert.True(after[0].GlobalPosition < after[1].GlobalPosition);
    }

    [Fact]
    public async Task An_async_projection_does_not_pass_an_append_in_flight()
    {
        var own = await StoreDatabase.CreateAsync();
        await using var host = await StoreHost.StartAsync(own, store => store.Projections.Add<DepositsProjection>(ProjectionLifecycle.Async));
        await using var connection = await own.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await host.Store.AppendAsync(TestServers.NewName("slow"), ExpectedVersion.NoStream, [new Deposited(1m)], tx);
        await host.Store.AppendAsync(TestServers.NewName("fast"), ExpectedVersion.NoStream, [new Deposited(2m)]);

        // The daemon is woken by the second append's commit and keeps retrying; it must not apply the second alone.
        await Eventually.TrueAsync(async () => await own.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%safe_head%' AND wait_event_type = 'Lock'") > 0
            || await own.ScalarAsync<long>("SELECT count(*) FROM deposits_seen") > 0);
        Assert.Equal(0L, await own.ScalarAsync<long>("SELECT count(*) FROM deposits_seen"));
        await tx.CommitAsync();

        await Eventually.TrueAsync(async () => await own.ScalarAsync<long>("SELECT count(*) FROM deposits_seen") == 2);
        Assert.Equal([1m, 2m], await AmountsByPositionAsync(own));
    }

    private static async Task<List<decimal>> AmountsByPositionAsync(StoreDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT amount FROM deposits_seen ORDER BY position", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var amounts = new List<decimal>();
        while (await reader.ReadAsync()) amounts.Add(reader.GetDecimal(0));
        return amounts;
    }

    [Fact]
    public async Task Global_order_across_streams_is_strictly_increasing_and_complete()
    {
        await using var host = await StoreHost.StartAsync(database);
        var before = await HeadAsync(host);
        var streams = Enumerable.Range(0, 8).Select(i => TestServers.NewName($"s{i}")).ToList();

        await Task.WhenAll(streams.Select(stream => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++) await host.Store.AppendAsync(stream, i, [new Tagged(stream, i)]);
        })));

        var all = await host.Store.ReadAllAsync(before, maxCount: 1000);
        Assert.Equal(80, all.Count);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.GlobalPosition < p.Second.GlobalPosition));
        foreach (var stream in streams)
            Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), all.Where(e => e.StreamId == stream).Select(e => e.Version));
    }

    private static async Task<long> HeadAsync(StoreHost host)
    {
        long head = 0;
        while (await host.Store.ReadAllAsync(head, 1000) is { Count: > 0 } page) head = page[^1].GlobalPosition;
        return head;
    }

    private static async Task InsertOutboxAsync(NpgsqlTransaction tx, string body)
    {
        await using var cmd = new NpgsqlCommand("INSERT INTO outbox (body) VALUES ($1)", tx.Connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        await cmd.ExecuteNonQueryAsync();
    }
}
