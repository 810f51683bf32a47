namespace ECommerce.Gateway.Proxy;

/// <summary>
/// Routes and clusters in the shape of YARP's <c>ReverseProxy</c> configuration section
/// (Yarp.ReverseProxy itself does not restore offline), so the configuration reads the same. Reloadable:
/// a change to the configuration source replaces the routes without a restart.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    public Dictionary<string, RouteConfig> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, ClusterConfig> Clusters { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RouteConfig
{
    public string ClusterId { get; set; } = "";
    public RouteMatch Match { get; set; } = new();

    /// <summary>anonymous | customer | admin (ServiceDefaults' policies); no value means anonymous.</summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>A named rate-limiter policy (default: per-client); "Disable" turns limiting off for the route.</summary>
    public string? RateLimiterPolicy { get; set; }

    /// <summary>A named output-cache policy (anonymous GETs only).</summary>
    public string? OutputCachePolicy { get; set; }

    public TimeSpan? Timeout { get; set; }
    public int Order { get; set; }
}

public sealed class RouteMatch
{
    public string Path { get; set; } = "";
    public List<string>? Methods { get; set; }
}

public sealed class ClusterConfig
{
    /// <summary>RoundRobin (default) | LeastRequests | PowerOfTwoChoices.</summary>
    public string? LoadBalancingPolicy { get; set; }
    public HealthCheckConfig HealthCheck { get; set; } = new();

    /// <summary>As YARP's <c>HttpRequest</c>: "2" speaks HTTP/2 to upstreams that do (cleartext, prior knowledge).</summary>
    public HttpRequestConfig HttpRequest { get; set; } = new();
    public Dictionary<string, DestinationConfig> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DestinationConfig
{
    /// <summary>A URL, or a logical one (<c>http://product</c>) that service discovery expands to every instance.</summary>
    public string Address { get; set; } = "";
}

public sealed class HttpRequestConfig
{
    public string Version { get; set; } = "1.1";

    public Version ParsedVersion => System.Version.Parse(Version.Contains('.') ? Version : Version + ".0");
}

public sealed class HealthCheckConfig
{
    public ActiveHealthCheckConfig Active { get; set; } = new();
    public PassiveHealthCheckConfig Passive { get; set; } = new();
}

public sealed class ActiveHealthCheckConfig
{
    public bool Enabled { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
    public string Path { get; set; } = "/health";
}

public sealed class PassiveHealthCheckConfig
{
    public bool Enabled { get; set; } = true;

    /// <summary>How long a destination that failed at the transport level is left out.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
