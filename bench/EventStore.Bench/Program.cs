using System.Diagnostics;
using ECommerce.EventStore;
using ECommerce.EventStore.Bench;
using ECommerce.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// Bounded event-store load on a dedicated, durable (fsync on) PostgreSQL on 127.0.0.1. Prints one markdown section.
//   dotnet ECommerce.EventStore.Bench.dll [seconds per scenario] [writers]
var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var writers = args.Length > 1 ? int.Parse(args[1]) : 16;

var state = Path.Combine(Path.GetTempPath(), $"bench-eventstore-{Environment.ProcessId}");
await using var postgres = new PostgresServer(new PostgresOptions(state, FreePort.Next(), Durable: true) { DeleteStateOnDispose = true });
await postgres.StartAsync();
await postgres.EnsureDatabaseAsync("bench");
await using (var setup = NpgsqlDataSource.Create(postgres.GetConnectionString("bench")))
    await setup.CreateCommand("CREATE TABLE bench_counts (stream_id text PRIMARY KEY, events bigint NOT NULL)").ExecuteNonQueryAsync();

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration["ConnectionStrings:bench"] = postgres.GetConnectionString("bench");
builder.AddEventStore("bench", store =>
{
    store.Events.Add<ItemAdded>();
    store.Projections.Add<CountingProjection>(ProjectionLifecycle.Async);
    store.Snapshots<Basket>(every: 20);
});
using var host = builder.Build();
await host.StartAsync();
var events = host.Services.GetRequiredService<IEventStore>();
var daemon = host.Services.GetRequiredService<IProjectionDaemon>();
await events.AppendAsync("warm-up", ExpectedVersion.Any, [new ItemAdded("w", 1)]);

var load = new Load(events, TimeSpan.FromSeconds(seconds));
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
var single = await load.RunAsync(1, streams: 0, eventsPerAppend: 1);
var own = await load.RunAsync(writers, streams: 0, eventsPerAppend: 1);
var batch = await load.RunAsync(writers, streams: 0, eventsPerAppend: 5);
var hot = await load.RunAsync(writers, streams: 4, eventsPerAppend: 1);

long head;
await using (var query = NpgsqlDataSource.Create(postgres.GetConnectionString("bench")))
    head = (long)(await query.CreateCommand("SELECT max(position) FROM eventstore.events").ExecuteScalarAsync())!;
var drain = Stopwatch.StartNew();
while (await daemon.GetCheckpointAsync(CountingProjection.ProjectionName) < head) await Task.Delay(10);
var drained = drain.Elapsed;
var rebuild = Stopwatch.StartNew();
await daemon.RebuildAsync(CountingProjection.ProjectionName);
var rebuildRate = head / rebuild.Elapsed.TotalSeconds;
var aggregate = Stopwatch.StartNew();
const int loads = 200;
for (var i = 0; i < loads; i++) await events.AggregateStreamAsync<Basket>(hot.LongestStream);
var aggregateMs = aggregate.Elapsed.TotalMilliseconds / loads;
var hotLength = await events.GetStreamVersionAsync(hot.LongestStream);
await host.StopAsync();

Console.WriteLine($"""
## Event store (libs/EventStore)

`bench/eventstore.sh` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores: a dedicated PostgreSQL 15 with
fsync on, on 127.0.0.1; {writers} concurrent writers for {seconds} s per scenario, each append its own transaction; the
async projection daemon runs during the load. Load average when it started: {loadAverage} (the machine is shared).

| scenario | appends/s | events/s | p50 append | p99 append | conflicts |
|---|---|---|---|---|---|
| 1 writer, 1 event per append (the latency of one append) | {single.AppendsPerSecond:F0} | {single.EventsPerSecond:F0} | {single.P50:F1} ms | {single.P99:F1} ms | {single.Conflicts} |
| each writer its own streams, 1 event per append | {own.AppendsPerSecond:F0} | {own.EventsPerSecond:F0} | {own.P50:F1} ms | {own.P99:F1} ms | {own.Conflicts} |
| each writer its own streams, 5 events per append | {batch.AppendsPerSecond:F0} | {batch.EventsPerSecond:F0} | {batch.P50:F1} ms | {batch.P99:F1} ms | {batch.Conflicts} |
| {writers} writers on 4 hot streams (read version, append, retry on conflict) | {hot.AppendsPerSecond:F0} | {hot.EventsPerSecond:F0} | {hot.P50:F1} ms | {hot.P99:F1} ms | {hot.Conflicts} |

- Async projection: caught up {drained.TotalMilliseconds:F0} ms after the load stopped; rebuild from zero replays
  {rebuildRate:F0} events/s ({head} events).
- AggregateStreamAsync of a {hotLength}-event stream with snapshots every 20: {aggregateMs:F2} ms.

Appends share the append lock, so concurrent appends' commits group into one WAL flush; the projection daemon takes
it exclusively for an instant per batch to find its safe head (see docs/event-sourcing.md, "Global order"). The
first version of the store held the lock exclusively through each commit: about 100-140 appends/s here, whatever
the number of writers. On hot streams, optimistic retries are what costs: the p99 is writers losing the race again
and again.
""");
