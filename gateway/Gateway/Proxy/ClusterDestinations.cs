using System.Collections.Concurrent;
using ECommerce.ServiceDefaults.Discovery;
using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Proxy;

/// <summary>Picks a destination of a cluster for each request (in turn) and resolves logical addresses.</summary>
public sealed class ClusterDestinations(IOptionsMonitor<ReverseProxyOptions> options, ServiceEndpointResolver resolver)
{
    private readonly ConcurrentDictionary<string, int> _turns = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> ClusterIds => options.CurrentValue.Clusters.Keys;

    public Uri? Next(string clusterId)
    {
        if (!options.CurrentValue.Clusters.TryGetValue(clusterId, out var cluster) || cluster.Destinations.Count == 0)
            return null;
        var destinations = cluster.Destinations.Values.ToList();
        var turn = _turns.AddOrUpdate(clusterId, 0, (_, n) => unchecked(n + 1));
        return Resolve(destinations[(int)((uint)turn % destinations.Count)]);
    }

    /// <summary>Every destination of the cluster that resolves to an address.</summary>
    public IReadOnlyList<Uri> All(string clusterId)
    {
        if (!options.CurrentValue.Clusters.TryGetValue(clusterId, out var cluster)) return [];
        return cluster.Destinations.Values.Select(Resolve).OfType<Uri>().ToList();
    }

    /// <summary>Null when a logical address has no configured endpoint (the service is not deployed).</summary>
    private Uri? Resolve(DestinationConfig destination) =>
        resolver.TryResolve(new Uri(destination.Address), out var resolved) ? resolved : null;
}
