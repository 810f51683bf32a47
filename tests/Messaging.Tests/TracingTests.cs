using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging.Tests;

public sealed class TracingTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("ECommerce.Messaging.Tests");
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is MessagingDiagnostics.SourceName or "ECommerce.Messaging.Tests",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public TracingTests() => ActivitySource.AddActivityListener(_listener);

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

    public void Dispose() => _listener.Dispose();
}
