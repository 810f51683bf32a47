using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task The_consumer_subscribes_again_after_its_queue_is_deleted_under_it()
    {
        await using var scenario = await MessagingScenario.CreateAsync(database: false);
        var host = await scenario.StartHostAsync();
        await using var probe = await BrokerProbe.OpenAsync(scenario.AmqpUri);
        var publisher = host.Services.GetRequiredService<IMessagePublisher>();

        await probe.DeleteQueueAsync(scenario.Service);

        // Until the queue is declared again, events have nowhere to go; keep sending until one arrives.
        await Eventually.TrueAsync(async () =>
        {
            await publisher.PublishAsync(new WorkItem("after-delete"));
            return scenario.Recorder.Succeeded("after-delete") >= 1;
        }, "the consumer handled a message again", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Inbox_rows_older_than_the_retention_are_pruned()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var first = await scenario.StartHostAsync();
        await first.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("recent"));
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("recent") == 1, "a recent message was handled");
        await scenario.ExecuteAsync("INSERT INTO messaging_inbox (message_id, consumer, handled_at) VALUES ('old', 'x', now() - interval '2 days')");

        await scenario.StartHostAsync(configure: m => m.InboxRetention = TimeSpan.FromDays(1), instance: "second");

        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_inbox WHERE message_id = 'old'") == 0,
            "the old inbox row was pruned");
        Assert.Equal(1, await scenario.CountAsync("SELECT count(*) FROM messaging_inbox"));
    }
}
