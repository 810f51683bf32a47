using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.Messaging.Bench;

/// <summary>Starts a fresh service (own queue and exchange) per run, sends, and waits until every message is handled.</summary>
public sealed class BenchHosts(string amqpUri, string connectionString, ushort concurrency)
{
    public async Task<(double PerSecond, LatencyLog Log)> RunAsync(
        string name, bool outbox, int count, Func<IHost, int, Task> send, Func<int, Func<int, Task>, Task> drive)
    {
        var log = new LatencyLog(count);
        var host = await StartAsync(log, outbox, "bench-" + name);
        var clock = Stopwatch.StartNew();
        await drive(count, n => send(host, n));
        await log.Done.WaitAsync(TimeSpan.FromMinutes(3));
        var perSecond = count / clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        host.Dispose();
        return (perSecond, log);
    }

    private async Task<IHost> StartAsync(LatencyLog log, bool outbox, string service)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:eventbus"] = amqpUri,
            ["ConnectionStrings:bench"] = connectionString,
        });
        builder.Services.AddSingleton(log);
        builder.AddMessaging("eventbus", m =>
        {
            m.ServiceName = service;
            m.ExchangeName = service + "-events";
            m.ConsumerConcurrency = concurrency;
            if (outbox) m.UseOutbox("bench");
            m.Handle<BenchMessage, BenchHandler>();
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<MessagingStatus>().WhenConsumingAsync();
        return host;
    }
}
