using System.Net;
using System.Net.Sockets;

namespace ECommerce.AppHost.Servers;

/// <summary>
/// Where the local servers keep their state (one folder each under <c>--state</c>, default <c>.state/</c> at the
/// repository root) and which ports they get: the fixed ones a developer remembers, or free ones with <c>--ports auto</c>.
/// </summary>
public static class LocalServerState
{
    public static string Folder(IDistributedApplicationBuilder builder, string resource)
    {
        var root = builder.Configuration["state"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".state"));
        var folder = Path.Combine(root, resource);
        Directory.CreateDirectory(folder);
        // Run as root, PostgreSQL runs as the postgres user, which must pass through the state folder (a temporary
        // folder is created 0700): traverse only, nothing listed.
        if (Environment.UserName == "root" && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(root, File.GetUnixFileMode(root) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        return folder;
    }

    public static bool AutoPorts(IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration["ports"], "auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fixed port, or with <c>--ports auto</c> one that is free now.</summary>
    public static int Port(IDistributedApplicationBuilder builder, int fixedPort) =>
        AutoPorts(builder) ? FreePort(p => true) : fixedPort;

    /// <summary>A free port that <paramref name="accept"/> likes and that no other resource of this run got.</summary>
    public static int FreePort(Func<int, bool> accept)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (accept(port) && Given.Add(port)) return port;
        }
        throw new InvalidOperationException("No free port found on 127.0.0.1.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static readonly HashSet<int> Given = [];
}
