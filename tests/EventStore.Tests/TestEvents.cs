namespace ECommerce.EventStore.Tests;

public sealed record AccountOpened(string Owner);
public sealed record Deposited(decimal Amount);
public sealed record Withdrawn(decimal Amount);
public sealed record Tagged(string Writer, int Sequence);

/// <summary>Deposited as first stored: the amount in cents (type version 1, before the reshape).</summary>
public sealed record DepositedV1(long Cents);

/// <summary>The type's name before it was renamed to Deposited.</summary>
public sealed record AccountCredited(decimal Value);

public static class TestEvents
{
    public static void Register(EventStoreOptions store)
    {
        store.Events.Add<AccountOpened>();
        store.Events.Add<Deposited>();
        store.Events.Add<Withdrawn>();
        store.Events.Add<Tagged>();
        store.Events.Upcast<DepositedV1, Deposited>("Deposited", 1, old => new Deposited(old.Cents / 100m));
        store.Events.Upcast<AccountCredited, Deposited>("AccountCredited", 1, old => new Deposited(old.Value));
    }
}
