using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ECommerce.LocalServers;

/// <summary>
/// Free TCP ports on 127.0.0.1 in a range every server here accepts: below the kernel's ephemeral range when it
/// can be (so an outgoing connection cannot take the port between this check and the server's bind), at most
/// 45535 (RabbitMQ listens on port + 20000 too), and outside 35672-35682 (the RabbitMQ CLI tools' own ports).
/// Ports are picked at random so concurrent test processes rarely collide, and never handed out twice per process.
/// </summary>
public static class FreePort
{
    private const int Low = 20000;
    private const int RabbitMqHighest = 45535;
    private const int RabbitMqDistributionOffset = 20000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();
    private static readonly int High = ComputeHigh();

    public static int Next() => Find(port => true);

    /// <summary>A port whose Erlang distribution companion (port + 20000) is free as well.</summary>
    public static int NextForRabbitMq()
    {
        var port = Find(p => IsFree(p + RabbitMqDistributionOffset));
        HandedOut.TryAdd(port + RabbitMqDistributionOffset, true);
        return port;
    }

    private static int Find(Func<int, bool> alsoFree)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Low, High + 1);
            if (port is >= 35672 and <= 35682 || HandedOut.ContainsKey(port)) continue;
            if (IsFree(port) && alsoFree(port) && HandedOut.TryAdd(port, true)) return port;
        }
        throw new LocalServerException($"No free TCP port found between {Low} and {High}");
    }

    private static bool IsFree(int port)
    {
        if (Ports.IsListening(port)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static int ComputeHigh()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            var ephemeralLow = int.Parse(range[0]);
            // Too narrow a gap below the ephemeral range would make random collisions likely; use the whole range then.
            return ephemeralLow - 1 - Low >= 5000 ? Math.Min(ephemeralLow - 1, RabbitMqHighest) : RabbitMqHighest;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return RabbitMqHighest;
        }
    }
}
