using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace ECommerce.LocalServers.Tests;

/// <summary>What a client sees from outside: a port that accepts, and a redis that answers.</summary>
internal static class Probe
{
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (SocketException) { return false; }
    }

    public static async Task AssertClosedAsync(params int[] ports)
    {
        foreach (var port in ports) Assert.False(await AcceptsConnectionsAsync(port), $"port {port} still accepts connections");
    }

    /// <summary>One inline redis command and its first reply line; enough to set and read back a key.</summary>
    public static async Task<string> RedisAsync(int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
