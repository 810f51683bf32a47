using System.Diagnostics;
using Npgsql;

namespace ECommerce.Messaging.Tests;

/// <summary>Records the call, writes an effect row in the handler's transaction, then fails or replies as the item asks.</summary>
public sealed class WorkItemHandler(Recorder recorder, InstanceName instance) : IMessageHandler<WorkItem>
{
    public async Task HandleAsync(WorkItem message, MessageContext context, CancellationToken ct)
    {
        var fails = message.Permanent || context.Attempt <= message.FailTimes;
        recorder.Add(Call(instance, message.Text, context, succeeded: !fails));
        if (context.Transaction is { } tx)
        {
            await using var cmd = new NpgsqlCommand("INSERT INTO effects (message_id, text) VALUES (@id, @text)", tx.Connection, tx);
            cmd.Parameters.AddWithValue("id", context.MessageId);
            cmd.Parameters.AddWithValue("text", message.Text);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        if (message.Reply is { } reply) await context.PublishAsync(new WorkDone(reply), ct);
        if (message.Permanent) throw new PermanentMessageException("This item can never be done.");
        if (context.Attempt <= message.FailTimes) throw new InvalidOperationException($"Transient failure on attempt {context.Attempt}.");
    }

    internal static HandlerCall Call(InstanceName instance, string text, MessageContext context, bool succeeded) => new(
        instance.Value, context.MessageType, text, context.MessageId, context.Attempt, succeeded, context.Transaction is not null,
        context.CorrelationId, Activity.Current?.TraceId, Activity.Current?.Kind, context.Headers, DateTimeOffset.UtcNow);
}

public sealed class WorkDoneHandler(Recorder recorder, InstanceName instance) : IMessageHandler<WorkDone>
{
    public Task HandleAsync(WorkDone message, MessageContext context, CancellationToken ct)
    {
        recorder.Add(WorkItemHandler.Call(instance, message.Text, context, succeeded: true));
        return Task.CompletedTask;
    }
}
