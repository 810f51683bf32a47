namespace ECommerce.DevHost;

/// <summary>The content of devhost.json: how tools and tests find a running DevHost and what it runs.</summary>
public sealed record DevHostStatus(
    int Pid,
    string ControlUrl,
    string? GatewayUrl,
    string StateDirectory,
    string LogDirectory,
    IReadOnlyList<ResourceSnapshot> Resources);
