using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace ECommerce.ServiceDefaults.Discovery;

/// <summary>
/// Resolves a logical address such as <c>http://product</c> from the keys both hosts pass,
/// in Aspire's format: <c>services__product__http__0</c> (and <c>__1</c>, ... for more instances,
/// taken in turn). <c>https+http://name</c> prefers the https endpoint.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, int> _turns = new(StringComparer.OrdinalIgnoreCase);

    public bool TryResolve(Uri logical, out Uri resolved)
    {
        resolved = logical;
        var schemes = logical.Scheme switch
        {
            "https+http" => new[] { "https", "http" },
            "http+https" => ["http", "https"],
            _ => [logical.Scheme],
        };
        foreach (var scheme in schemes)
        {
            var endpoints = Endpoints(logical.Host, scheme);
            if (endpoints.Count == 0) continue;
            var turn = _turns.AddOrUpdate($"{logical.Host}/{scheme}", 0, (_, n) => unchecked(n + 1));
            var baseUri = endpoints[(int)((uint)turn % endpoints.Count)];
            resolved = new Uri(baseUri, logical.PathAndQuery);
            return true;
        }
        return false;
    }

    public Uri Resolve(Uri logical) => TryResolve(logical, out var resolved)
        ? resolved
        : throw new InvalidOperationException(
            $"No endpoint configured for '{logical.Host}': expected services__{logical.Host}__{logical.Scheme}__0.");

    public IReadOnlyList<Uri> Endpoints(string service, string scheme)
    {
        var section = configuration.GetSection($"services:{service}:{scheme}");
        return section.GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select(c => new Uri(c.Value!.TrimEnd('/') + "/"))
            .ToList();
    }
}
