using System.Text.Json.Serialization;

namespace ECommerce.ServiceDefaults.Faults;

/// <summary>Every fault one service process applies; set as a whole with <c>PUT /admin/faults</c>.</summary>
public sealed record FaultPlan
{
    public IReadOnlyList<InboundFault> Inbound { get; init; } = [];
    public IReadOnlyList<OutboundFault> Outbound { get; init; } = [];

    public static readonly FaultPlan None = new();

    [JsonIgnore]
    public bool IsEmpty => Inbound.Count == 0 && Outbound.Count == 0;
}
