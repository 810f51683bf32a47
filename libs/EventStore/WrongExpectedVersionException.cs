namespace ECommerce.EventStore;

/// <summary>Another writer appended to the stream since the caller read it: reload, decide again, retry.</summary>
public sealed class WrongExpectedVersionException(string streamId, long expectedVersion, long actualVersion)
    : Exception($"Stream '{streamId}' is at version {actualVersion}, expected {Describe(expectedVersion)}.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;

    private static string Describe(long expected) => expected == EventStore.ExpectedVersion.NoStream ? "no stream (0)" : expected.ToString();
}
