using System.Collections.Concurrent;
using System.Diagnostics;

namespace ECommerce.Messaging.Bench;

/// <summary>Carries the moment it was sent, so the handler can measure send-to-handled time.</summary>
public sealed record BenchMessage(int Number, long SentTimestamp);

/// <summary>Send-to-handled latencies of one run; complete when every message has been handled once.</summary>
public sealed class LatencyLog(int expected)
{
    private readonly ConcurrentDictionary<int, double> _latencies = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public void Record(BenchMessage message)
    {
        _latencies.TryAdd(message.Number, Stopwatch.GetElapsedTime(message.SentTimestamp).TotalMilliseconds);
        if (_latencies.Count >= expected) _done.TrySetResult();
    }

    public double Percentile(double p)
    {
        var sorted = _latencies.Values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

public sealed class BenchHandler(LatencyLog log) : IMessageHandler<BenchMessage>
{
    public Task HandleAsync(BenchMessage message, MessageContext context, CancellationToken ct)
    {
        log.Record(message);
        return Task.CompletedTask;
    }
}
