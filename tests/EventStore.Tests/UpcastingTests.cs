using System.Text.Json;
using System.Text.Json.Nodes;
using ECommerce.TestInfrastructure;

namespace ECommerce.EventStore.Tests;

public sealed class UpcastingTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task Rows_of_a_renamed_and_of_a_reshaped_type_read_as_todays_type()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await WriteRawAsync(stream, ("AccountOpened", 1, """{"owner":"ada"}"""), ("AccountCredited", 1, """{"value":7}"""), ("Deposited", 1, """{"cents":250}"""));

        var events = await host.Store.ReadStreamAsync(stream);

        Assert.Equal(new object[] { new AccountOpened("ada"), new Deposited(7m), new Deposited(2.5m) }, events.Select(e => e.Data));
        Assert.Equal(["AccountOpened", "Deposited", "Deposited"], events.Select(e => e.EventType));
        Assert.Equal(["AccountOpened", "AccountCredited", "Deposited"], events.Select(e => e.StoredType));
        Assert.Equal(9.5m, (await host.Store.AggregateStreamAsync<Account>(stream))!.Balance);
    }

    [Fact]
    public async Task New_events_of_a_reshaped_type_are_written_with_the_next_type_version()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await WriteRawAsync(stream, ("Deposited", 1, """{"cents":100}"""));

        await host.Store.AppendAsync(stream, 1, [new Deposited(3m)]);

        Assert.Equal(2, await database.ScalarAsync<int>("SELECT type_version FROM eventstore.events WHERE stream_id = $1 AND version = 2", stream));
        Assert.Equal(new object[] { new Deposited(1m), new Deposited(3m) }, (await host.Store.ReadStreamAsync(stream)).Select(e => e.Data));
    }

    [Fact]
    public async Task An_upcaster_can_reshape_the_raw_json_without_an_old_record_type()
    {
        await using var host = await StoreHost.StartAsync(database, store =>
            store.Events.Upcast<JsonObject, Withdrawn>("Debited", 1, json => new Withdrawn(json["sum"]!.GetValue<decimal>())));
        var stream = TestServers.NewName("account");
        await WriteRawAsync(stream, ("Deposited", 2, """{"amount":5}"""), ("Debited", 1, """{"sum":2}"""));

        var events = await host.Store.ReadStreamAsync(stream);

        Assert.Equal(new object[] { new Deposited(5m), new Withdrawn(2m) }, events.Select(e => e.Data));
        Assert.Equal(3m, (await host.Store.AggregateStreamAsync<Account>(stream))!.Balance);
    }

    [Fact]
    public async Task A_row_of_an_unknown_type_reads_as_raw_json_instead_of_failing_the_stream()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await WriteRawAsync(stream, ("AccountOpened", 1, """{"owner":"ada"}"""), ("SomethingRetired", 1, """{"x":1}"""));

        var events = await host.Store.ReadStreamAsync(stream);

        Assert.Equal(1, ((JsonElement)events[1].Data).GetProperty("x").GetInt32());
        Assert.Equal("ada", (await host.Store.AggregateStreamAsync<Account>(stream))!.Owner);
    }

    [Fact]
    public void Writing_a_type_under_a_version_an_upcaster_reads_is_refused_at_registration()
    {
        var store = new EventStoreOptions();
        store.Events.Add<Deposited>(version: 1);
        store.Events.Upcast<DepositedV1, Deposited>("Deposited", 1, old => new Deposited(old.Cents / 100m));

        Assert.Throws<InvalidOperationException>(store.Freeze);
    }

    /// <summary>Rows as an older release of the code wrote them.</summary>
    private async Task WriteRawAsync(string stream, params (string Type, int Version, string Json)[] rows)
    {
        await using var host = await StoreHost.StartAsync(database, runDaemon: false);
        await host.Store.GetStreamVersionAsync(stream);   // creates the schema
        await database.ExecuteAsync("INSERT INTO eventstore.streams (id, version) VALUES ($1, $2)", stream, (long)rows.Length);
        for (var i = 0; i < rows.Length; i++)
            await database.ExecuteAsync(
                "INSERT INTO eventstore.events (event_id, stream_id, version, type, type_version, data) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::jsonb)",
                stream, (long)i + 1, rows[i].Type, rows[i].Version, rows[i].Json);
    }
}
