using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Published_message_reaches_its_handler_with_id_type_and_first_attempt()
    {
        await using var scenario = await MessagingScenario.CreateAsync(database: false);
        var host = await scenario.StartHostAsync();

        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("hello"));

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("hello") == 1, "the handler ran");
        var call = Assert.Single(scenario.Recorder.For("hello"));
        Assert.Equal(nameof(WorkItem), call.MessageType);
        Assert.True(Guid.TryParse(call.MessageId, out _), call.MessageId);
        Assert.Equal(1, call.Attempt);
        Assert.False(call.HadTransaction);
    }

    [Fact]
    public async Task Handler_effect_commits_together_with_the_inbox_row()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();

        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("effect"));

        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM effects") == 1, "the effect committed");
        var call = Assert.Single(scenario.Recorder.For("effect"));
        Assert.True(call.HadTransaction);
        Assert.Equal(1, await scenario.CountAsync($"SELECT count(*) FROM messaging_inbox WHERE message_id = '{call.MessageId}'"));
        Assert.Equal(1, await scenario.CountAsync($"SELECT count(*) FROM effects WHERE message_id = '{call.MessageId}'"));
    }

    [Fact]
    public async Task The_same_message_id_delivered_twice_has_one_effect()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();
        var publisher = host.Services.GetRequiredService<IMessagePublisher>();
        var duplicate = MessageEnvelope.Create(new WorkItem("twice"));

        await publisher.PublishAsync(duplicate);
        await publisher.PublishAsync(duplicate);
        await publisher.PublishAsync(new WorkItem("after"));

        // Deliveries of one queue and consumer arrive in order, so "after" being handled means both copies were seen.
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("after") == 1, "the message after the duplicate was handled");
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_inbox") == 2, "two inbox rows");
        Assert.Single(scenario.Recorder.For("twice"));
        Assert.Equal(1, await scenario.CountAsync($"SELECT count(*) FROM effects WHERE message_id = '{duplicate.MessageId}'"));
    }

    [Fact]
    public async Task A_message_published_by_a_handler_leaves_through_the_outbox_once_the_handler_commits()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync(m => m.Handle<WorkItem, WorkItemHandler>().Handle<WorkDone, WorkDoneHandler>());

        // Attempt 1 publishes a reply and then fails: that reply is rolled back with the rest of the attempt.
        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("ask", FailTimes: 1, Reply: "answer"));

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("answer") == 1, "the reply was handled");
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_outbox") == 0, "the outbox drained");
        Assert.Equal([1, 2], scenario.Recorder.For("ask").Select(c => c.Attempt));
        Assert.Single(scenario.Recorder.For("answer"));
        Assert.Equal(1, await scenario.CountAsync("SELECT count(*) FROM effects WHERE text = 'ask'"));
    }
}
