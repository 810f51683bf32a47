using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class CompetingConsumerTests
{
    [Fact]
    public async Task Two_instances_of_one_service_share_its_queue_and_each_message_is_handled_once()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var first = await scenario.StartHostAsync(configure: m => m.PrefetchCount = 1, instance: "first");
        await scenario.StartHostAsync(configure: m => m.PrefetchCount = 1, instance: "second");
        var publisher = first.Services.GetRequiredService<IMessagePublisher>();

        var texts = Enumerable.Range(0, 40).Select(i => $"item-{i}").ToList();
        await Task.WhenAll(texts.Select(text => publisher.PublishAsync(new WorkItem(text))));

        await Eventually.TrueAsync(() => texts.All(t => scenario.Recorder.Succeeded(t) >= 1), "every item was handled");
        Assert.All(texts, t => Assert.Single(scenario.Recorder.For(t)));
        Assert.Equal(["first", "second"], scenario.Recorder.Calls.Select(c => c.Instance).Distinct().Order());
        // Handlers report success before the library commits: wait for every commit, then count.
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM effects") >= 40, "every effect committed");
        Assert.Equal(40, await scenario.CountAsync("SELECT count(*) FROM effects"));
    }
}
