namespace ECommerce.EventStore;

public static class ExpectedVersion
{
    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;

    /// <summary>No concurrency check.</summary>
    public const long Any = -1;
}
