namespace ECommerce.Chaos;

/// <summary>A process or server fault without a DevHost to carry it out (exit code 2).</summary>
public sealed class NeedsDevHostException(string scenario, string? where) : Exception(
    $"{scenario} stops or kills processes and servers, which only DevHost can do, and no DevHost answers "
    + (where is null ? "at .devhost/devhost.json or http://127.0.0.1:8089" : $"at {where}")
    + ". Start the system with ./run.sh, or pass --devhost <state dir|control url>.");
