using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class TracingTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("ECommerce.Messaging.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new()
        {
            // Ours, and RabbitMQ.Client 7's own (RabbitMQ.Client.Publisher / .Subscriber), as the services' tracer adds them.
            ShouldListenTo = source => source.Name is MessagingDiagnostics.SourceName or "ECommerce.Messaging.Tests"
                || source.Name.StartsWith("RabbitMQ.Client", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task The_trace_id_and_correlation_id_flow_from_the_publisher_to_the_consumer()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync();
        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("checkout")!)
        {
            traceId = root.TraceId;
            root.SetTag(MessagingCorrelation.ActivityKey, "corr-direct");
            await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("traced"));
        }

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("traced") == 1, "the handler ran");
        var call = Assert.Single(scenario.Recorder.For("traced"));
        Assert.Equal(traceId, call.TraceId);
        Assert.Equal(ActivityKind.Consumer, call.ActivityKind);
        Assert.Equal("corr-direct", call.CorrelationId);
    }

    [Fact]
    public async Task The_trace_id_survives_the_outbox_and_a_reply_published_by_the_handler()
    {
        await using var scenario = await MessagingScenario.CreateAsync();
        var host = await scenario.StartHostAsync(m => m.Handle<WorkItem, WorkItemHandler>().Handle<WorkDone, WorkDoneHandler>());
        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("checkout")!)
        {
            traceId = root.TraceId;
            root.SetTag(MessagingCorrelation.ActivityKey, "corr-outbox");
            await scenario.EnqueueAsync(host, new WorkItem("request", Reply: "reply"));
        }

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("reply") == 1, "the reply was handled");
        Assert.Equal(traceId, Assert.Single(scenario.Recorder.For("request")).TraceId);
        var reply = Assert.Single(scenario.Recorder.For("reply"));
        Assert.Equal(traceId, reply.TraceId);
        Assert.Equal("corr-outbox", reply.CorrelationId);
    }

    [Fact]
    public async Task RabbitMQ_clients_own_publish_and_deliver_spans_are_in_the_publishers_trace()
    {
        await using var scenario = await MessagingScenario.CreateAsync(database: false);
        var host = await scenario.StartHostAsync();
        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("checkout")!)
        {
            traceId = root.TraceId;
            await host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(new WorkItem("client-spans"));
        }

        await Eventually.TrueAsync(() => scenario.Recorder.Succeeded("client-spans") == 1, "the handler ran");
        var messageId = Assert.Single(scenario.Recorder.For("client-spans")).MessageId;
        await Eventually.TrueAsync(() => ClientSpans(messageId).Any(a => a.Kind == ActivityKind.Consumer), "the client recorded the delivery");
        var spans = ClientSpans(messageId);
        var publish = Assert.Single(spans, a => a.Source.Name == "RabbitMQ.Client.Publisher");
        var deliver = Assert.Single(spans, a => a.Source.Name == "RabbitMQ.Client.Subscriber");
        Assert.Equal(traceId, publish.TraceId);
        Assert.Equal(traceId, deliver.TraceId);
    }

    private List<Activity> ClientSpans(string messageId) =>
        _stopped.Where(a => a.Source.Name.StartsWith("RabbitMQ.Client", StringComparison.Ordinal)
            && Equals(a.GetTagItem("messaging.message.id"), messageId)).ToList();

    public void Dispose() => _listener.Dispose();
}
