namespace ECommerce.ServiceDefaults.Faults;

/// <summary>A fault on requests this service receives whose path starts with <see cref="RoutePrefix"/>.</summary>
public sealed record InboundFault : FaultEffect
{
    public string RoutePrefix { get; init; } = "";
}
