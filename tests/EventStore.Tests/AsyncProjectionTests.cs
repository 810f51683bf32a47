using ECommerce.TestInfrastructure;

namespace ECommerce.EventStore.Tests;

/// <summary>Each test has a database of its own: an async projection reads every stream in it.</summary>
public sealed class AsyncProjectionTests
{
    private static void Deposits(EventStoreOptions store) => store.Projections.Add<DepositsProjection>(ProjectionLifecycle.Async);

    [Fact]
    public async Task An_async_projection_catches_up_and_checkpoints_the_last_position()
    {
        var database = await StoreDatabase.CreateAsync();
        await using var host = await StoreHost.StartAsync(database, Deposits);

        var head = await AppendDepositsAsync(host, TestServers.NewName("account"), 5);

        await Eventually.TrueAsync(async () => await host.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == head);
        Assert.Equal(5L, await database.ScalarAsync<long>("SELECT count(*) FROM deposits_seen"));
        Assert.Equal(15m, await database.ScalarAsync<decimal>("SELECT sum(amount) FROM deposits_seen"));
    }

    [Fact]
    public async Task The_checkpoint_survives_a_daemon_restart_and_only_new_events_are_applied()
    {
        var database = await StoreDatabase.CreateAsync();
        var stream = TestServers.NewName("account");
        long firstHead;
        await using (var first = await StoreHost.StartAsync(database, Deposits))
        {
            firstHead = await AppendDepositsAsync(first, stream, 3);
            await Eventually.TrueAsync(async () => await first.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == firstHead);
        }
        long head;
        await using (var stopped = await StoreHost.StartAsync(database, Deposits, runDaemon: false))
        {
            head = await AppendDepositsAsync(stopped, stream, 4);
            Assert.Equal(firstHead, await stopped.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName));
        }

        await using var restarted = await StoreHost.StartAsync(database, Deposits);

        await Eventually.TrueAsync(async () => await restarted.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == head);
        Assert.Equal(7L, await database.ScalarAsync<long>("SELECT count(*) FROM deposits_seen"));   // a re-applied event would violate the key
    }

    [Fact]
    public async Task A_rebuild_from_zero_gives_the_same_read_model()
    {
        var database = await StoreDatabase.CreateAsync();
        await using var host = await StoreHost.StartAsync(database, Deposits);
        foreach (var i in Enumerable.Range(0, 4)) await AppendDepositsAsync(host, TestServers.NewName($"account{i}"), 3);
        var head = (await host.Store.ReadAllAsync(0, 1000))[^1].GlobalPosition;
        await Eventually.TrueAsync(async () => await host.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == head);
        var before = await ReadModelAsync(database);
        await database.ExecuteAsync("UPDATE deposits_seen SET amount = 0");   // a read model gone wrong

        await host.Daemon.RebuildAsync(DepositsProjection.ProjectionName);

        Assert.Equal(head, await host.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName));
        Assert.Equal(before, await ReadModelAsync(database));
        Assert.Equal(12, before.Count);
    }

    [Fact]
    public async Task The_daemon_wakes_on_an_append_without_waiting_for_its_poll_interval()
    {
        var database = await StoreDatabase.CreateAsync();
        await using var host = await StoreHost.StartAsync(database, store =>
        {
            Deposits(store);
            store.DaemonPollInterval = TimeSpan.FromMinutes(5);
        });
        await Eventually.TrueAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'") > 0);

        var head = await AppendDepositsAsync(host, TestServers.NewName("account"), 2);

        await Eventually.TrueAsync(async () => await host.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == head, seconds: 30,
            because: "the append's NOTIFY should wake the daemon long before its 5 minute poll");
    }

    [Fact]
    public async Task Two_daemons_on_one_database_apply_each_event_exactly_once()
    {
        var database = await StoreDatabase.CreateAsync();
        await using var first = await StoreHost.StartAsync(database, Deposits);
        await using var second = await StoreHost.StartAsync(database, Deposits);

        var heads = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => AppendDepositsAsync(i % 2 == 0 ? first : second, TestServers.NewName($"a{i}"), 10)));

        await Eventually.TrueAsync(async () => await first.Daemon.GetCheckpointAsync(DepositsProjection.ProjectionName) == heads.Max());
        Assert.Equal(40L, await database.ScalarAsync<long>("SELECT count(*) FROM deposit_applications"));
        Assert.Equal(40L, await database.ScalarAsync<long>("SELECT count(*) FROM deposits_seen"));
    }

    [Fact]
    public async Task Rebuilding_an_unknown_projection_is_refused()
    {
        var database = await StoreDatabase.CreateAsync();
        await using var host = await StoreHost.StartAsync(database, Deposits);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Daemon.RebuildAsync("nope"));
        Assert.Equal(0, await host.Daemon.GetCheckpointAsync("nope"));
    }

    private static async Task<long> AppendDepositsAsync(StoreHost host, string stream, int count)
    {
        var version = await host.Store.GetStreamVersionAsync(stream);
        foreach (var amount in Enumerable.Range(1, count))
            version = await host.Store.AppendAsync(stream, version, [new Deposited(amount), new Tagged("noise", amount)]);
        return (await host.Store.ReadStreamAsync(stream))[^1].GlobalPosition;
    }

    private static async Task<List<(Guid, string, decimal, long)>> ReadModelAsync(StoreDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT event_id, stream_id, amount, position FROM deposits_seen ORDER BY position", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(Guid, string, decimal, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3)));
        return rows;
    }
}
