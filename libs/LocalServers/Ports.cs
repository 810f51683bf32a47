using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ECommerce.LocalServers;

/// <summary>Port facts: listening state as `ss -ltn` sees it, and the cheapest protocol-level "ready" probes.</summary>
internal static class Ports
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly byte[] AmqpHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];

    /// <summary>Reads the kernel's socket tables instead of connecting, so the servers' logs stay free of probe noise.</summary>
    public static bool IsListening(int port)
    {
        var hex = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[3] == "0A" && fields[1].EndsWith(hex, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    /// <summary>A broker answers the AMQP 0-9-1 protocol header with a Connection.Start method frame (type 1).</summary>
    public static async Task<bool> AnswersAmqpAsync(int port, CancellationToken ct)
    {
        var reply = await ExchangeAsync(port, AmqpHeader, 1, ct);
        return reply is [1, ..];
    }

    /// <summary>PONG, not -LOADING: a redis replaying its append-only file answers but is not ready yet.</summary>
    public static async Task<bool> AnswersRedisPingAsync(int port, string? password, CancellationToken ct)
    {
        var command = password is null ? Resp("PING") : Resp("AUTH", password) + Resp("PING");
        var reply = await ExchangeAsync(port, Encoding.UTF8.GetBytes(command), password is null ? 7 : 12, ct);
        return reply is not null && Encoding.UTF8.GetString(reply).EndsWith("+PONG\r\n", StringComparison.Ordinal);
    }

    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition()) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(50, ct);
        }
    }

    public static Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, ct);

    private static string Resp(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));

    private static async Task<byte[]?> ExchangeAsync(int port, byte[] request, int expectedBytes, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(ProbeTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, cts.Token);
            var buffer = new byte[expectedBytes];
            var read = 0;
            while (read < expectedBytes)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cts.Token);
                if (n == 0) break;
                read += n;
            }
            return buffer[..read];
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
