using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_until_it_succeeds()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();

        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("flaky", FailTimes: 2));

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("flaky") == 1, "the third attempt succeeded");
        var calls = scenario.Recorder.For("flaky");
        Assert.Equal([1, 2, 3], calls.Select(c => c.Attempt));
        Assert.Single(calls.Select(c => c.MessageId).Distinct());
        // The retry queues' TTLs (100 ms, then 200 ms) are lower bounds on the waits.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(90), $"first retry after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(190), $"second retry after {(calls[2].At - calls[1].At).TotalMilliseconds} ms");
        Assert.Contains("Transient failure on attempt 2", calls[2].Headers[MessageHeaders.FailureReason]);
        // The handler reports success before the library commits its transaction: wait for the commit, then count.
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM effects WHERE text = 'flaky'") > 0, "the effect committed");
        Assert.Equal(1, await scenario.CountAsync("SELECT count(*) FROM effects WHERE text = 'flaky'"));
    }

    [Fact]
    public async Task A_poison_message_is_parked_after_max_attempts_while_later_messages_are_handled()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync(configure: m => m.MaxAttempts = 3);
        await using var probe = await BrokerProbe.OpenAsync(scenario.AmqpUri);
        var publisher = host.Services.GetRequiredService<IMessagePublisher>();
        var poison = MessageEnvelope.Create(new WorkItem("poison", FailTimes: int.MaxValue));

        await publisher.PublishAsync(poison);
        await publisher.PublishAsync(new WorkItem("healthy"));

        var parked = Assert.Single(await probe.TakeAsync(scenario.DeadLetterQueue, 1));
        Assert.Equal(poison.MessageId, parked.MessageId);
        Assert.Equal(nameof(WorkItem), parked.Type);
        Assert.Equal("3", parked.Headers[MessageHeaders.Attempt]);
        Assert.Contains("Failed 3 times", parked.Headers[MessageHeaders.FailureReason]);
        Assert.Equal([1, 2, 3], scenario.Recorder.For("poison").Select(c => c.Attempt));
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("healthy") == 1, "the message behind the poison was handled");

        await publisher.PublishAsync(new WorkItem("later"));
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("later") == 1, "the consumer kept going");
        Assert.Equal(0, await scenario.CountAsync("SELECT count(*) FROM effects WHERE text = 'poison'"));
    }

    [Fact]
    public async Task A_permanent_failure_goes_to_the_dead_letter_queue_at_once()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();
        await using var probe = await BrokerProbe.OpenAsync(scenario.AmqpUri);

        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("doomed", Permanent: true));

        var parked = Assert.Single(await probe.TakeAsync(scenario.DeadLetterQueue, 1));
        Assert.Contains("can never be done", parked.Headers[MessageHeaders.FailureReason]);
        Assert.Equal(scenario.Service, parked.Headers[MessageHeaders.OriginalQueue]);
        Assert.Equal([1], scenario.Recorder.For("doomed").Select(c => c.Attempt));
        Assert.Equal(0, await scenario.CountAsync("SELECT count(*) FROM messaging_inbox"));
    }

    [Fact]
    public async Task An_unreadable_body_or_unknown_type_is_parked_without_calling_a_handler()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();
        await using var probe = await BrokerProbe.OpenAsync(scenario.AmqpUri);

        await probe.PublishRawAsync(scenario.Exchange, nameof(WorkItem), "{not json", "unreadable-1", nameof(WorkItem));
        await probe.PublishRawAsync(scenario.Exchange, nameof(WorkItem), "{}", "unknown-1", "SomethingElse");
        await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("fine"));

        var parked = await probe.TakeAsync(scenario.DeadLetterQueue, 2);
        Assert.Equal(["unknown-1", "unreadable-1"], parked.Select(p => p.MessageId).Order());
        Assert.Contains("cannot be read", parked.Single(p => p.MessageId == "unreadable-1").Headers[MessageHeaders.FailureReason]);
        Assert.Contains("No handler", parked.Single(p => p.MessageId == "unknown-1").Headers[MessageHeaders.FailureReason]);
        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("fine") == 1, "a good message after them was handled");
        Assert.Single(scenario.Recorder.Calls);
    }
}
