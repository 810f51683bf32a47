using System.Diagnostics;
using ECommerce.TestInfrastructure;

namespace ECommerce.EventStore.Tests;

public sealed class AppendTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_positions_and_payloads()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");

        var version = await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(10m)]);
        var next = await host.Store.AppendAsync(stream, version, [new Withdrawn(3m)]);

        Assert.Equal(2, version);
        Assert.Equal(3, next);
        var events = await host.Store.ReadStreamAsync(stream);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(new object[] { new AccountOpened("ada"), new Deposited(10m), new Withdrawn(3m) }, events.Select(e => e.Data));
        Assert.Equal(["AccountOpened", "Deposited", "Withdrawn"], events.Select(e => e.EventType));
        Assert.True(events[0].GlobalPosition < events[1].GlobalPosition && events[1].GlobalPosition < events[2].GlobalPosition);
        Assert.All(events, e => Assert.Equal(stream, e.StreamId));
        Assert.Equal([2L, 3L], (await host.Store.ReadStreamAsync(stream, fromVersion: 2)).Select(e => e.Version));
        Assert.Equal(3, await host.Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task Append_with_a_stale_expected_version_is_refused_and_writes_nothing()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada"), new Deposited(1m)]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => host.Store.AppendAsync(stream, 1, [new Deposited(2m)]));

        Assert.Equal((stream, 1L, 2L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(2, (await host.Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task NoStream_conflicts_with_an_existing_stream_and_Any_appends_whatever_the_version()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada")]);

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("bob")]));
        var any = await host.Store.AppendAsync(stream, ExpectedVersion.Any, [new Deposited(5m)]);
        var anyOnNew = await host.Store.AppendAsync(stream + "-new", ExpectedVersion.Any, [new Deposited(5m)]);

        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(2, any);
        Assert.Equal(1, anyOnNew);
    }

    [Fact]
    public async Task Concurrent_writers_to_one_stream_lose_no_event_and_duplicate_no_version()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("contended");
        const int writers = 20, eventsEach = 5;
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var sequence = 0; sequence < eventsEach; sequence++)
            {
                while (true)
                {
                    var seen = await host.Store.GetStreamVersionAsync(stream);
                    try
                    {
                        await host.Store.AppendAsync(stream, seen, [new Tagged($"w{writer}", sequence)]);
                        break;
                    }
                    catch (WrongExpectedVersionException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        var events = await host.Store.ReadStreamAsync(stream);
        Assert.Equal(writers * eventsEach, await host.Store.GetStreamVersionAsync(stream));
        Assert.Equal(Enumerable.Range(1, writers * eventsEach).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(writers * eventsEach, events.Select(e => e.Data).Distinct().Count());
        Assert.True(conflicts > 0, "20 writers racing on one stream should have hit at least one conflict");
        foreach (var writer in Enumerable.Range(0, writers))
            Assert.Equal(Enumerable.Range(0, eventsEach), events.Select(e => (Tagged)e.Data).Where(t => t.Writer == $"w{writer}").Select(t => t.Sequence));
    }

    [Fact]
    public async Task Of_concurrent_first_appends_to_a_new_stream_exactly_one_wins()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("new");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            try
            {
                await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened($"owner{i}")]);
                return true;
            }
            catch (WrongExpectedVersionException conflict)
            {
                Assert.Equal(1, conflict.ActualVersion);
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
        Assert.Single(await host.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task A_refused_first_append_leaves_no_stream_behind()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("never");

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => host.Store.AppendAsync(stream, 3, [new Deposited(1m)]));

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM eventstore.streams WHERE id = $1", stream));
    }

    [Fact]
    public async Task An_unregistered_event_type_is_refused_with_a_clear_message()
    {
        await using var host = await StoreHost.StartAsync(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Store.AppendAsync(TestServers.NewName("account"), ExpectedVersion.Any, [new Unregistered()]));

        Assert.Contains("Events.Add<Unregistered>", error.Message);
    }

    [Fact]
    public async Task Each_event_stores_correlation_causation_and_the_current_trace_id()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        using var activity = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start();

        using (EventMetadata.Begin(correlationId: "corr-1", causationId: "msg-9"))
            await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada")]);

        var metadata = (await host.Store.ReadStreamAsync(stream))[0].Metadata;
        Assert.Equal("corr-1", metadata[EventMetadata.CorrelationId]);
        Assert.Equal("msg-9", metadata[EventMetadata.CausationId]);
        Assert.Equal(activity.TraceId.ToHexString(), metadata[EventMetadata.TraceId]);
        Assert.StartsWith($"00-{activity.TraceId.ToHexString()}-", metadata[EventMetadata.TraceParent]);
    }

    [Fact]
    public async Task Without_a_scope_the_correlation_id_comes_from_the_trace_as_the_http_middleware_tags_it()
    {
        await using var host = await StoreHost.StartAsync(database);
        var stream = TestServers.NewName("account");
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        request.SetTag(EventMetadata.ActivityCorrelationKey, "from-http");
        using var inner = new Activity("handler").Start();

        await host.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new AccountOpened("ada")]);

        var metadata = (await host.Store.ReadStreamAsync(stream))[0].Metadata;
        Assert.Equal("from-http", metadata[EventMetadata.CorrelationId]);
        Assert.False(metadata.ContainsKey(EventMetadata.CausationId));
    }

    private sealed record Unregistered;
}
