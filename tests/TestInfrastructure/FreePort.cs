using System.Net;
using System.Net.Sockets;

namespace ECommerce.TestInfrastructure;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on now: for a stub a test stops and starts, or an address that refuses.</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
