namespace ECommerce.ServiceDefaults.Faults;

/// <summary>A fault on calls this service makes to <see cref="Dependency"/> (its HttpClient name; <c>*</c>: every one).</summary>
public sealed record OutboundFault : FaultEffect
{
    public string Dependency { get; init; } = "";
}
