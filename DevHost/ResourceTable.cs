namespace ECommerce.DevHost;

/// <summary>The summary printed once everything is healthy: what runs where, and how to get in.</summary>
public static class ResourceTable
{
    public static void Print(ConsoleView console, DevHostStatus status, TimeSpan startup)
    {
        string[] header = ["NAME", "KIND", "STATE", "URL", "PID"];
        var rows = status.Resources
            .Select(r => new[] { r.Name, r.Kind, r.State, r.Url ?? "", r.Pid?.ToString() ?? "" })
            .ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Format(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

        console.WriteLine();
        console.WriteLine(console.Bold(Format(header)));
        foreach (var row in rows) console.WriteLine(Format(row));
        console.WriteLine();
        if (status.GatewayUrl is { } gateway)
        {
            console.WriteLine(console.Bold($"  Gateway:      {gateway}"));
            console.WriteLine($"  Admin login:  {Topology.AdminEmail} / {Topology.AdminPassword}");
        }
        else
        {
            // Servers only: what a service run from an IDE needs in its environment.
            console.WriteLine("  Environment for services run from an IDE:");
            foreach (var resource in status.Resources.Where(r => r.ConnectionString is not null && r.Kind != nameof(ResourceKind.Postgres)))
                console.WriteLine($"    ConnectionStrings__{resource.Name}={resource.ConnectionString}");
        }
        console.WriteLine($"  Control API:  {status.ControlUrl}/resources  (POST /resources/<name>/stop|start|restart|kill|pause|resume)");
        console.WriteLine($"  State:        {status.StateDirectory}");
        console.WriteLine($"  Logs:         {status.LogDirectory}");
        console.WriteLine($"  All healthy in {startup.TotalSeconds:0.0} s. Ctrl+C stops everything.");
        console.WriteLine();
    }
}
