// Benchmark (not a test): confirmed publishing and outbox -> relay -> consumer+inbox throughput and latency on local
// servers. Prints a markdown section for docs/benchmarks.md. Usage: Messaging.Bench [messages] [writers] [consumer concurrency]
using System.Diagnostics;
using System.Globalization;
using ECommerce.Messaging;
using ECommerce.Messaging.Bench;
using ECommerce.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var writers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var concurrency = args.Length > 2 ? ushort.Parse(args[2], CultureInfo.InvariantCulture) : new MessagingOptions().ConsumerConcurrency;
await using var broker = await TestServers.StartDedicatedRabbitMqAsync();
await using var postgres = await TestServers.StartDedicatedPostgresAsync();
await postgres.EnsureDatabaseAsync("bench");

async Task<IHost> StartAsync(LatencyLog log, bool outbox, string service)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:eventbus"] = broker.AmqpUri,
        ["ConnectionStrings:bench"] = postgres.GetConnectionString("bench"),
    });
    builder.Services.AddSingleton(log);
    builder.AddMessaging("eventbus", m =>
    {
        m.ServiceName = service;
        m.ExchangeName = service + "-events";
        if (outbox) m.UseOutbox("bench");
        m.ConsumerConcurrency = concurrency;
        m.Handle<BenchMessage, BenchHandler>();
    });
    var host = builder.Build();
    await host.StartAsync();
    await host.Services.GetRequiredService<MessagingStatus>().WhenConsumingAsync();
    return host;
}

async Task<(double PerSecond, LatencyLog Log)> RunAsync(string name, bool outbox, Func<IHost, int, Task> send)
{
    var log = new LatencyLog(messages);
    var host = await StartAsync(log, outbox, "bench-" + name);
    var clock = Stopwatch.StartNew();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
    {
        for (var n = Interlocked.Increment(ref next); n < messages; n = Interlocked.Increment(ref next)) await send(host, n);
    }));
    Console.Error.WriteLine($"{name}: sent in {clock.Elapsed.TotalSeconds:F1} s");
    await log.Done.WaitAsync(TimeSpan.FromMinutes(2));
    Console.Error.WriteLine($"{name}: handled in {clock.Elapsed.TotalSeconds:F1} s");
    var perSecond = messages / clock.Elapsed.TotalSeconds;
    await host.StopAsync();
    host.Dispose();
    return (perSecond, log);
}

Task Publish(IHost host, int n) =>
    host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new BenchMessage(n, Stopwatch.GetTimestamp()));
var direct = await RunAsync("direct", outbox: false, Publish);
var inbox = await RunAsync("inbox", outbox: true, Publish);

await using var dataSource = NpgsqlDataSource.Create(postgres.GetConnectionString("bench"));
var viaOutbox = await RunAsync("outbox", outbox: true, async (host, n) =>
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new BenchMessage(n, Stopwatch.GetTimestamp()), tx);
    await tx.CommitAsync();
});

string Row(string name, (double PerSecond, LatencyLog Log) r) =>
    $"| {name} | {r.PerSecond:F0} | {r.Log.Percentile(0.5):F1} ms | {r.Log.Percentile(0.99):F1} ms |";
Console.WriteLine($"""
## Messaging: confirmed publish and outbox -> relay -> consumer with inbox

`bench/messaging.sh` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores: {messages} messages from {writers}
concurrent senders to one consumer (prefetch 32, concurrency {concurrency}) on a local RabbitMQ 3.10 and PostgreSQL 15
(fsync off), Release build. Time is from send to handler call; messages/s is messages over the whole run.

| path | messages/s | p50 send-to-handled | p99 |
|---|---|---|---|
{Row("direct: publish with confirm -> consumer", direct)}
{Row("direct -> consumer with inbox transaction", inbox)}
{Row("outbox: INSERT + COMMIT -> NOTIFY -> relay (confirm, DELETE) -> consumer with inbox transaction", viaOutbox)}
""");
