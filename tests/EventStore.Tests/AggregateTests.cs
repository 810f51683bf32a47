using ECommerce.TestInfrastructure;

namespace ECommerce.EventStore.Tests;

public sealed class AggregateTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task An_aggregate_folds_its_stream_through_its_Apply_methods()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(10m), new Withdrawn(4m), new Tagged("x", 1)]);

        var account = await host.Store.AggregateStreamAsync<Account>(stream);

        Assert.NotNull(account);
        Assert.Equal(("ada", 6m, 3, 4L), (account.Owner, account.Balance, account.EventsApplied, account.Version));
        Assert.Null(await host.Store.AggregateStreamAsync<Account>(TestServers.NewName("missing")));
    }

    [Fact]
    public async Task Time_travel_folds_only_up_to_the_requested_version()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(10m), new Deposited(5m), new Withdrawn(1m)]);

        var atTwo = await host.Store.AggregateStreamAsync<Account>(stream, toVersion: 2);
        var atThree = await host.Store.AggregateStreamAsync<Account>(stream, toVersion: 3);

        Assert.Equal((10m, 2L), (atTwo!.Balance, atTwo.Version));
        Assert.Equal((15m, 3L), (atThree!.Balance, atThree.Version));
    }

    [Fact]
    public async Task Snapshots_are_written_every_N_events_in_the_append_and_folding_starts_from_them()
    {
        await using var host = await StoreHost.StartAsync(database, store => store.Snapshots<Account>(every: 3));
        var stream = TestServers.NewName("account");
        long version = 0;
        foreach (var @event in new object[] { new AccountOpened("ada"), new Deposited(1m), new Deposited(1m), new Deposited(1m), new Deposited(1m), new Deposited(1m), new Deposited(1m) })
            version = await host.Store.AppendAsync(stream, version, [@event]);

        Assert.Equal(new long[] { 3, 6 }, await SnapshotVersionsAsync(stream));
        var account = await host.Store.AggregateStreamAsync<Account>(stream);
        Assert.Equal((6m, 7, 7L), (account!.Balance, account.EventsApplied, account.Version));

        // A snapshot whose state differs from the events shows the fold starts from it (and private setters restore).
        await database.ExecuteAsync(
            "UPDATE eventstore.snapshots SET data = jsonb_set(data, '{balance}', '1000') WHERE stream_id = $1 AND version = 6", stream);
        var fromSnapshot = await host.Store.AggregateStreamAsync<Account>(stream);
        Assert.Equal((1001m, 7, 7L), (fromSnapshot!.Balance, fromSnapshot.EventsApplied, fromSnapshot.Version));

        var travelled = await host.Store.AggregateStreamAsync<Account>(stream, toVersion: 5);
        Assert.Equal((4m, 5, 5L), (travelled!.Balance, travelled.EventsApplied, travelled.Version));   // snapshot 3 + events 4, 5
        var beforeAnySnapshot = await host.Store.AggregateStreamAsync<Account>(stream, toVersion: 2);
        Assert.Equal((1m, 2, 2L), (beforeAnySnapshot!.Balance, beforeAnySnapshot.EventsApplied, beforeAnySnapshot.Version));
    }

    [Fact]
    public async Task A_batch_crossing_the_interval_snapshots_at_its_last_version()
    {
        await using var host = await StoreHost.StartAsync(database, store => store.Snapshots<Account>(every: 4));
        var stream = TestServers.NewName("account");

        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(1m), new Deposited(2m)]);
        await host.Store.AppendAsync(stream, 3, [new Deposited(3m), new Deposited(4m)]);

        Assert.Equal(new long[] { 5 }, await SnapshotVersionsAsync(stream));
        Assert.Equal(10m, await database.ScalarAsync<decimal>(
            "SELECT (data->>'balance')::numeric FROM eventstore.snapshots WHERE stream_id = $1", stream));
    }

    [Fact]
    public async Task Snapshots_of_an_older_aggregate_shape_are_ignored()
    {
        var stream = TestServers.NewName("account");
        await using (var v1 = await StoreHost.StartAsync(database, store => store.Snapshots<Account>(every: 2)))
            await v1.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(1m)]);
        await database.ExecuteAsync("UPDATE eventstore.snapshots SET data = jsonb_set(data, '{balance}', '1000') WHERE stream_id = $1", stream);

        await using var v2 = await StoreHost.StartAsync(database, store => store.Snapshots<Account>(every: 2, version: 2));
        var account = await v2.Store.AggregateStreamAsync<Account>(stream);

        Assert.Equal((1m, 2), (account!.Balance, account.EventsApplied));
    }

    private async Task<long[]> SnapshotVersionsAsync(string stream)
    {
        await using var connection = await database.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT version FROM eventstore.snapshots WHERE stream_id = $1 ORDER BY version", connection);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = stream });
        var versions = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) versions.Add(reader.GetInt64(0));
        return [.. versions];
    }
}
