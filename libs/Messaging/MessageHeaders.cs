namespace ECommerce.Messaging;

/// <summary>AMQP header names the library writes and reads (message id and type travel in BasicProperties).</summary>
public static class MessageHeaders
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string CorrelationId = "x-correlation-id";
    /// <summary>1 on the first delivery; a retry republishes the message with the next number.</summary>
    public const string Attempt = "x-attempt";
    /// <summary>Why a message was parked in the dead-letter queue.</summary>
    public const string FailureReason = "x-failure-reason";
    /// <summary>The service queue a parked or retried message came from.</summary>
    public const string OriginalQueue = "x-original-queue";
}
