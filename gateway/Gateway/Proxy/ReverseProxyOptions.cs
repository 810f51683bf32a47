namespace ECommerce.Gateway.Proxy;

/// <summary>
/// Routes and clusters in the shape of YARP's <c>ReverseProxy</c> configuration section
/// (Yarp.ReverseProxy itself does not restore offline), so the config reads the same.
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
    public TimeSpan? Timeout { get; set; }
}

public sealed class RouteMatch
{
    public string Path { get; set; } = "";
    public List<string>? Methods { get; set; }
}

public sealed class ClusterConfig
{
    public Dictionary<string, DestinationConfig> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DestinationConfig
{
    /// <summary>A URL, or a logical one (<c>http://product</c>) resolved through service discovery.</summary>
    public string Address { get; set; } = "";
}
