using System.Globalization;

namespace ECommerce.Redis;

/// <summary>
/// Parsed from the StackExchange.Redis-style string Aspire passes:
/// <c>host:port[,password=...][,user=...][,defaultDatabase=N][,connectTimeout=ms][,asyncTimeout=ms][,ssl=false]</c>.
/// </summary>
public sealed record RedisOptions(string Host, int Port)
{
    public string? User { get; init; }
    public string? Password { get; init; }
    public int Database { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command waits for its reply before failing with <see cref="RedisTimeoutException"/>.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static RedisOptions Parse(string configuration)
    {
        var parts = configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts[0].Contains('='))
            throw new FormatException($"Redis configuration '{configuration}' does not start with host:port.");
        var hostPort = parts[0];
        var colon = hostPort.LastIndexOf(':');
        var options = colon < 0
            ? new RedisOptions(hostPort, 6379)
            : new RedisOptions(hostPort[..colon].Trim('[', ']'), int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture));
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) throw new FormatException($"Redis option '{part}' is not key=value.");
            var (key, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            options = key.ToLowerInvariant() switch
            {
                "password" => options with { Password = value },
                "user" => options with { User = value },
                "defaultdatabase" => options with { Database = int.Parse(value, CultureInfo.InvariantCulture) },
                "connecttimeout" => options with { ConnectTimeout = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "asynctimeout" or "synctimeout" => options with { OperationTimeout = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "ssl" when bool.Parse(value) => throw new NotSupportedException("TLS to Redis is not supported by this client."),
                _ => options, // abortConnect, syncTimeout, ...: accepted for compatibility, not needed here
            };
        }
        return options;
    }
}
