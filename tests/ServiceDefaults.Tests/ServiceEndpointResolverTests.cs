using ECommerce.ServiceDefaults.Discovery;
using Microsoft.Extensions.Configuration;

namespace ECommerce.ServiceDefaults.Tests;

public class ServiceEndpointResolverTests
{
    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build());

    [Fact]
    public void Logical_http_address_resolves_from_aspire_service_keys()
    {
        var resolver = Resolver(("services:product:http:0", "http://127.0.0.1:5102"));

        var resolved = resolver.Resolve(new Uri("http://product/api/products?page=2"));

        Assert.Equal("http://127.0.0.1:5102/api/products?page=2", resolved.ToString());
    }

    [Fact]
    public void Several_instances_are_taken_in_turn()
    {
        var resolver = Resolver(("services:product:http:0", "http://127.0.0.1:1"), ("services:product:http:1", "http://127.0.0.1:2"));

        var ports = Enumerable.Range(0, 4).Select(_ => resolver.Resolve(new Uri("http://product/x")).Port).ToList();

        Assert.Equal([1, 2, 1, 2], ports);
    }

    [Fact]
    public void Https_plus_http_prefers_https_and_falls_back_to_http()
    {
        var both = Resolver(("services:cart:http:0", "http://127.0.0.1:1"), ("services:cart:https:0", "https://127.0.0.1:2"));
        var httpOnly = Resolver(("services:cart:http:0", "http://127.0.0.1:1"));

        Assert.Equal("https://127.0.0.1:2/", both.Resolve(new Uri("https+http://cart/")).ToString());
        Assert.Equal("http://127.0.0.1:1/", httpOnly.Resolve(new Uri("https+http://cart/")).ToString());
    }

    [Fact]
    public void Unknown_service_is_left_alone_by_TryResolve_and_named_by_Resolve()
    {
        var resolver = Resolver();
        var logical = new Uri("http://payment/charge");

        Assert.False(resolver.TryResolve(logical, out var unchanged));
        Assert.Equal(logical, unchanged);
        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(logical));
        Assert.Contains("services__payment__http__0", error.Message);
    }
}
