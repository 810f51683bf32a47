namespace ECommerce.Messaging.Tests;

public sealed class RelayInstancesTests
{
    [Fact]
    public async Task Two_relays_on_one_outbox_publish_every_row_exactly_once()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        // No inbox at this consumer, so a row published twice would show as a second handler call.
        await scenario.StartHostAsync(outbox: false);
        var first = await scenario.StartHostAsync(_ => { }, instance: "relay-1");
        await scenario.StartHostAsync(_ => { }, instance: "relay-2");

        var texts = Enumerable.Range(0, 200).Select(i => $"row-{i}").ToList();
        await Task.WhenAll(texts.Chunk(20).Select(async chunk =>
        {
            foreach (var text in chunk) await scenario.EnqueueAsync(first, new WorkItem(text));
        }));

        await Eventually.TrueAsync(() => texts.All(t => scenario.Recorder.Succeeded(t) >= 1), "every row was delivered");
        await Eventually.TrueAsync(async () => await scenario.CountAsync("SELECT count(*) FROM messaging_outbox") == 0, "the outbox drained");
        Assert.All(texts, t => Assert.Single(scenario.Recorder.For(t)));
        Assert.Equal(200, scenario.Recorder.Calls.Count);
    }
}
