using ECommerce.TestInfrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Messaging.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task An_outbox_message_is_published_only_after_its_transaction_commits()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();

        await scenario.EnqueueAsync(host, new WorkItem("rolled back"), commit: false);
        await using var open = new NpgsqlConnection(scenario.ConnectionString);
        await open.OpenAsync();
        await using var pending = await open.BeginTransactionAsync();
        await host.Services.GetRequiredService<IOutbox>().EnqueueAsync(new WorkItem("pending"), pending);
        await scenario.EnqueueAsync(host, new WorkItem("committed"));

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("committed") == 1, "the committed message arrived");
        Assert.Empty(scenario.Recorder.For("pending"));

        await pending.CommitAsync();
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("pending") == 1, "the message arrived once its transaction committed");
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_outbox") == 0, "the outbox drained");
        Assert.Empty(scenario.Recorder.For("rolled back"));
        Assert.Equal(["committed", "pending"], scenario.Recorder.Calls.Select(c => c.Text).Order());
    }

    [Fact]
    public async Task The_relay_keeps_messages_while_the_broker_is_down_and_delivers_each_once_after_it_returns()
    {
        await using var broker = await TestServers.StartDedicatedRabbitMqAsync();
        await using var scenario = await MessagingScenario.CreateAsync(broker.AmqpUri);
        var host = await scenario.StartHostAsync();
        await scenario.EnqueueAsync(host, new WorkItem("before"));
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("before") == 1, "the broker works before the outage");

        await broker.StopAsync();
        for (var i = 0; i < 5; i++) await scenario.EnqueueAsync(host, new WorkItem($"during-{i}"));
        Assert.Equal(5, await scenario.CountAsync("SELECT count(*) FROM messaging_outbox"));
        await broker.StartAsync();

        await Eventually.TrueAsync(() => Enumerable.Range(0, 5).All(i => scenario.Recorder.Succeeded($"during-{i}") >= 1),
            "every message enqueued during the outage arrived", TimeSpan.FromSeconds(90));
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_outbox") == 0, "the outbox drained");
        // Handlers report success before the library commits: wait for the inbox rows, which commit with the effects.
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_inbox") >= 6, "every effect committed");
        for (var i = 0; i < 5; i++)
            Assert.Equal(1, await scenario.CountAsync($"SELECT count(*) FROM effects WHERE text = 'during-{i}'"));
        Assert.Equal(6, await scenario.CountAsync("SELECT count(*) FROM messaging_inbox"));
    }

    [Fact]
    public async Task Rows_wait_in_the_outbox_while_the_broker_is_unreachable_and_health_reports_the_backlog()
    {
        await using var scenario = await MessagingScenario.CreateAsync($"amqp://shop:shop@127.0.0.1:{FreePort.Next()}/shop");
        var host = await scenario.StartHostAsync(_ => { });

        await scenario.EnqueueAsync(host, new WorkItem("stuck-1"));
        await scenario.EnqueueAsync(host, new WorkItem("stuck-2"));

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "messaging-outbox");
        var outbox = health.Entries["messaging-outbox"];
        Assert.Equal(HealthStatus.Healthy, outbox.Status);
        Assert.Equal(2L, outbox.Data["pending"]);
        Assert.Equal(2, await scenario.CountAsync("SELECT count(*) FROM messaging_outbox"));
    }
}
