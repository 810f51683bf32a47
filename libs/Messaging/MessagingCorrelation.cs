using System.Diagnostics;

namespace ECommerce.Messaging;

/// <summary>
/// The correlation id a publish carries when none is given: the one of the message being handled, else the
/// <c>correlation.id</c> baggage or tag on the current trace (the HTTP middleware tags the request's activity).
/// </summary>
public static class MessagingCorrelation
{
    public const string ActivityKey = "correlation.id";

    private static readonly AsyncLocal<string?> Handling = new();

    public static string? Current
    {
        get
        {
            if (Handling.Value is { } handling) return handling;
            for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            {
                if (activity.GetBaggageItem(ActivityKey) is { } baggage) return baggage;
                if (activity.GetTagItem(ActivityKey) is string tag) return tag;
            }
            return null;
        }
        internal set => Handling.Value = value;
    }
}
