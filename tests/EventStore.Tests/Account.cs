namespace ECommerce.EventStore.Tests;

/// <summary>An aggregate the way services write them: state with private setters, changed only by Apply.</summary>
public sealed class Account
{
    public string? Owner { get; private set; }
    public decimal Balance { get; private set; }
    public int EventsApplied { get; private set; }
    public long Version { get; set; }

    public void Apply(AccountOpened e) => (Owner, EventsApplied) = (e.Owner, EventsApplied + 1);
    public void Apply(Deposited e) => (Balance, EventsApplied) = (Balance + e.Amount, EventsApplied + 1);
    public void Apply(Withdrawn e) => (Balance, EventsApplied) = (Balance - e.Amount, EventsApplied + 1);
}
