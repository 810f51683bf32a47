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
    public async Task An_append_waits_for_an_open_append_so_global_positions_become_visible_in_order()
    {
        await using var host = await StoreHost.StartAsync(database);
        var (first, second) = (TestServers.NewName("first"), TestServers.NewName("second"));
        var before = await HeadAsync(host);
        await using var connection = await database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await host.Store.AppendAsync(first, ExpectedVersion.NoStream, [new AccountOpened("slow")], tx);

        var secondAppend = host.Store.AppendAsync(second, ExpectedVersion.NoStream, [new AccountOpened("fast")]);
        await Eventually.TrueAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0);
        Assert.False(secondAppend.IsCompleted);
        Assert.Empty(await host.Store.ReadAllAsync(before));   // a reader sees neither, so it cannot skip the first
        await tx.CommitAsync();
        await secondAppend;

        var after = await host.Store.ReadAllAsync(before);
        Assert.Equal([first, second], after.Select(e => e.StreamId));
        Assert.True(after[0].GlobalPosition < after[1].GlobalPosition);
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
