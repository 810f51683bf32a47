namespace ECommerce.Chaos;

/// <summary>Where a scenario is: load before the fault, under it, after it is removed, then waiting for orders.</summary>
public enum Phase
{
    Setup,
    Before,
    Fault,
    Recovery,
    Settle,
    Checks,
}
