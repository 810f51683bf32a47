using System.Diagnostics;

namespace ECommerce.Messaging;

/// <summary>The ActivitySource for publish and consume spans; add it to the tracer provider by <see cref="SourceName"/>.</summary>
public static class MessagingDiagnostics
{
    public const string SourceName = "ECommerce.Messaging";

    internal static readonly ActivitySource Source = new(SourceName);
}
