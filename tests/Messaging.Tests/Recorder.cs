using System.Collections.Concurrent;
using System.Diagnostics;

namespace ECommerce.Messaging.Tests;

/// <summary>Every handler call in a test, from every host of that test.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<HandlerCall> _calls = new();

    public IReadOnlyList<HandlerCall> Calls => _calls.ToArray();

    public void Add(HandlerCall call) => _calls.Enqueue(call);

    public IReadOnlyList<HandlerCall> For(string text) => Calls.Where(c => c.Text == text).ToList();

    public int Succeeded(string text) => Calls.Count(c => c.Text == text && c.Succeeded);
}

public sealed record HandlerCall(
    string Instance, string MessageType, string Text, string MessageId, int Attempt, bool Succeeded, bool HadTransaction,
    string? CorrelationId, ActivityTraceId? TraceId, ActivityKind? ActivityKind, IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset At);

/// <summary>Which host of a test handled a call (competing consumers).</summary>
public sealed record InstanceName(string Value);
