namespace ECommerce.DevHost;

/// <summary>What the control API, devhost.json and the table show of a resource.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    string State,
    string? Url,
    int? Pid,
    int? ExitCode,
    string? ConnectionString,
    IReadOnlyList<int> Ports,
    DateTimeOffset? StartedAt);
