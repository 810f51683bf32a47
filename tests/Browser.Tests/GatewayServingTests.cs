using System.Net;
using System.Text.RegularExpressions;

namespace ECommerce.Browser.Tests;

/// <summary>How the gateway serves the built apps: one origin, long-lived hashed assets, revalidated entry points.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class GatewayServingTests(SystemFixture system)
{
    [Fact]
    public async Task Entry_points_are_revalidated_and_hashed_assets_are_cached_for_a_year()
    {
        var http = system.Api.Http;
        using var index = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var html = await index.Content.ReadAsStringAsync();
        var script = ScriptSrc().Match(html);
        Assert.True(script.Success, $"No hashed script in index.html:\n{html}");

        using var asset = await http.GetAsync(script.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());

        foreach (var remote in new[] { "dashboard", "user", "admin" })
        {
            using var entry = await http.GetAsync($"/remotes/{remote}/remoteEntry.js");
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
            Assert.Equal("no-cache", entry.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Client_routes_get_the_shell_but_unknown_api_and_remote_paths_are_404_problems()
    {
        var http = system.Api.Http;
        using var route = await http.GetAsync("/account/orders/some-order");
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Contains("<div id=\"root\">", await route.Content.ReadAsStringAsync());

        foreach (var path in new[] { "/api/no-such-thing", "/remotes/admin/no-such-file", "/remotes/nobody/remoteEntry.js" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("<script[^>]+src=\"(/static/js/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSrc();
}
