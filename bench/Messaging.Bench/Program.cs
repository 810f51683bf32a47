// Benchmark (not a test): confirmed publishing, a consumer with inbox, and the whole outbox path on local servers.
// For each path: the saturation rate (senders flat out) and send-to-handled latency at a fixed offered rate.
// Prints a markdown section for docs/benchmarks.md. Usage: Messaging.Bench [messages] [writers] [concurrency] [rate]
using System.Diagnostics;
using System.Globalization;
using ECommerce.Messaging;
using ECommerce.Messaging.Bench;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var messages = Arg(0, 3000);
var writers = Arg(1, 16);
var concurrency = (ushort)Arg(2, new MessagingOptions().ConsumerConcurrency);
var rate = Arg(3, 200);
await using var broker = await TestServers.StartDedicatedRabbitMqAsync();
await using var postgres = await TestServers.StartDedicatedPostgresAsync();
await postgres.EnsureDatabaseAsync("bench");
var hosts = new BenchHosts(broker.AmqpUri, postgres.GetConnectionString("bench"), concurrency);
await using var dataSource = NpgsqlDataSource.Create(postgres.GetConnectionString("bench"));

Task Publish(IHost host, int n) =>
    host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new BenchMessage(n, Stopwatch.GetTimestamp()));

async Task Enqueue(IHost host, int n)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new BenchMessage(n, Stopwatch.GetTimestamp()), tx);
    await tx.CommitAsync();
}

var paths = new (string Name, string Description, bool Outbox, Func<IHost, int, Task> Send)[]
{
    ("direct", "publish with confirm -> consumer", false, Publish),
    ("inbox", "publish with confirm -> consumer with inbox transaction", true, Publish),
    ("outbox", "INSERT + COMMIT -> NOTIFY -> relay (confirm, DELETE) -> consumer with inbox transaction", true, Enqueue),
};
var rows = new List<string>();
foreach (var (name, description, outbox, send) in paths)
{
    var saturated = await hosts.RunAsync(name + "-flat-out", outbox, messages, send, Flood(writers));
    var paced = await hosts.RunAsync(name + "-paced", outbox, rate * 5, send, Paced(rate));
    rows.Add($"| {description} | {saturated.PerSecond:F0} | {paced.Log.Percentile(0.5):F1} ms | {paced.Log.Percentile(0.99):F1} ms |");
    Console.Error.WriteLine(rows[^1]);
}

Console.WriteLine($"""
## Messaging: confirmed publish, inbox, outbox

`bench/messaging.sh` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores (load average
{File.ReadAllText("/proc/loadavg").Split(' ')[0]} when it ended: other work shares the machine), local RabbitMQ 3.10
and PostgreSQL 15 (fsync off), Release build, one consumer (prefetch 32, concurrency {concurrency}).
Flat out: {messages} messages from {writers} concurrent senders, messages/s over the whole run. Latency: send to
handler call, at a steady {rate} messages/s for 5 s.

| path | flat out, messages/s | p50 at {rate}/s | p99 at {rate}/s |
|---|---|---|---|
{string.Join("\n", rows)}
""");

static Func<int, Func<int, Task>, Task> Flood(int writers) => async (count, send) =>
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
    {
        for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next)) await send(n);
    }));
};

static Func<int, Func<int, Task>, Task> Paced(int perSecond) => async (count, send) =>
{
    var clock = Stopwatch.StartNew();
    var sends = new List<Task>(count);
    for (var n = 0; n < count; n++)
    {
        var due = TimeSpan.FromSeconds((double)n / perSecond) - clock.Elapsed;
        if (due > TimeSpan.Zero) await Task.Delay(due);
        sends.Add(send(n));
    }
    await Task.WhenAll(sends);
};
