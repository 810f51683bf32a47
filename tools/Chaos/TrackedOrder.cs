using System.Text.Json;

namespace ECommerce.Chaos;

/// <summary>An order the load created (or found afterwards in a user's list), and what became of it.</summary>
public sealed class TrackedOrder(string id, int user, Phase phase, DateTimeOffset submittedAt)
{
    public string Id { get; } = id;
    public int User { get; } = user;
    public Phase AcceptedIn { get; } = phase;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public string Status { get; private set; } = "Pending";
    public string? FailureReason { get; private set; }
    public IReadOnlyDictionary<string, int> Units { get; private set; } = new Dictionary<string, int>();

    public bool IsTerminal => Status is "Confirmed" or "Cancelled";

    /// <summary>Takes a GET /api/orders(/id) view; true the first time the order is seen terminal.</summary>
    public bool Observe(JsonElement view)
    {
        lock (this)
        {
            var wasTerminal = IsTerminal;
            Status = view.GetProperty("status").GetString() ?? Status;
            FailureReason = view.TryGetProperty("failureReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            Units = view.GetProperty("items").EnumerateArray()
                .GroupBy(i => i.GetProperty("productId").GetString()!)
                .ToDictionary(g => g.Key, g => g.Sum(i => i.GetProperty("quantity").GetInt32()));
            return !wasTerminal && IsTerminal;
        }
    }
}
