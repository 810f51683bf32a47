using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.AppHost.Servers;

/// <summary>The health checks of the local servers: connect, optionally send a greeting and judge the first answer.</summary>
internal static class TcpProbe
{
    public static async Task<HealthCheckResult> CheckAsync(int port, byte[]? greeting, Func<byte[], int, bool>? accept, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            if (greeting is null) return HealthCheckResult.Healthy();
            var stream = client.GetStream();
            await stream.WriteAsync(greeting, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return accept is null || accept(buffer, read)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"port {port} answered {read} unexpected bytes");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Unhealthy($"port {port}: {e.Message}");
        }
    }
}
