using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ECommerce.ServiceDefaults.Discovery;
using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Proxy;

/// <summary>
/// The destinations of every cluster (logical addresses expanded by service discovery to every instance),
/// kept across requests so load balancing and health know each one; rebuilt when the configuration changes.
/// </summary>
public sealed class ClusterDestinations
{
    private readonly IOptionsMonitor<ReverseProxyOptions> _options;
    private readonly ServiceEndpointResolver _resolver;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Destination> _known = new();
    private readonly ConcurrentDictionary<string, StrongBox<int>> _turns = new(StringComparer.OrdinalIgnoreCase);

    public ClusterDestinations(IOptionsMonitor<ReverseProxyOptions> options, ServiceEndpointResolver resolver, TimeProvider time)
    {
        (_options, _resolver, _time) = (options, resolver, time);
    }

    public IReadOnlyCollection<string> ClusterIds => _options.CurrentValue.Clusters.Keys;

    public ClusterConfig? Cluster(string clusterId) => _options.CurrentValue.Clusters.GetValueOrDefault(clusterId);

    /// <summary>Every destination of the cluster, healthy or not.</summary>
    public IReadOnlyList<Destination> All(string clusterId)
    {
        if (Cluster(clusterId) is not { } cluster) return [];
        var list = new List<Destination>();
        foreach (var (id, config) in cluster.Destinations)
        {
            var endpoints = Expand(new Uri(config.Address));
            for (var i = 0; i < endpoints.Count; i++)
            {
                var key = $"{clusterId}/{id}/{endpoints[i]}";
                list.Add(_known.GetOrAdd(key, _ => new Destination(endpoints.Count == 1 ? id : $"{id}#{i}", endpoints[i])));
            }
        }
        return list;
    }

    /// <summary>
    /// A logical address (<c>http://product</c>) stands for every instance discovery knows, and for none when
    /// discovery knows none (the service is not deployed); anything else is a literal URL.
    /// </summary>
    private IReadOnlyList<Uri> Expand(Uri address)
    {
        var endpoints = _resolver.Endpoints(address.Host, address.Scheme);
        if (endpoints.Count > 0) return endpoints;
        var logical = address.HostNameType == UriHostNameType.Dns && !address.Host.Contains('.') && address.Host != "localhost";
        return logical ? [] : [address];
    }

    /// <summary>A destination by the cluster's policy among the available ones (all of them when none is).</summary>
    public Destination? Next(string clusterId, Destination? except = null)
    {
        var all = All(clusterId);
        if (all.Count == 0) return null;
        var now = _time.GetUtcNow();
        var available = all.Where(d => d != except && d.IsAvailable(now)).ToList();
        if (available.Count == 0) available = all.Where(d => d != except).ToList();
        if (available.Count == 0) return null;
        var turn = _turns.GetOrAdd(clusterId, _ => new StrongBox<int>(-1));
        return LoadBalancing.Pick(Cluster(clusterId)!.LoadBalancingPolicy, available, ref turn.Value);
    }

    /// <summary>Passive health: a transport failure takes the destination out for the reactivation period.</summary>
    public void ReportTransportFailure(string clusterId, Destination destination)
    {
        var passive = Cluster(clusterId)?.HealthCheck.Passive;
        if (passive is { Enabled: true }) destination.Eject(_time.GetUtcNow() + passive.ReactivationPeriod);
    }
}
