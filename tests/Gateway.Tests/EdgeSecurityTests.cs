using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Gateway.Tests;

/// <summary>Who may call what at the edge: every route group of API.md for anonymous callers, customers and admins.</summary>
public sealed class EdgeSecurityTests : IAsyncLifetime
{
    private TestIdentity _identity = null!;
    private Upstream _upstream = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _identity = await TestIdentity.StartAsync();
        _upstream = await Upstream.StartAsync(app => app.Map("/{**path}", (HttpContext ctx) => Results.Json(new
        {
            userId = ctx.Request.Headers["X-User-Id"].ToString(),
            role = ctx.Request.Headers["X-User-Role"].ToString(),
            authorization = ctx.Request.Headers.Authorization.ToString(),
        })));
        var services = new[] { "product", "cart", "order", "inventory", "payment" }.ToDictionary(n => n, _ => _upstream.Url);
        services["identity"] = _identity.Url;
        _gateway = new GatewayFactory(services);
    }

    public static TheoryData<string, string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        void Row(string method, string path, HttpStatusCode anonymous, HttpStatusCode customer, HttpStatusCode admin)
        {
            data.Add(method, path, "", anonymous);
            data.Add(method, path, "customer", customer);
            data.Add(method, path, "admin", admin);
        }
        const HttpStatusCode ok = HttpStatusCode.OK, unauthorized = HttpStatusCode.Unauthorized, forbidden = HttpStatusCode.Forbidden;
        Row("GET", "/api/products?page=1", ok, ok, ok);
        Row("GET", "/api/products/p1", ok, ok, ok);
        Row("GET", "/api/products/search?q=x", ok, ok, ok);
        Row("POST", "/api/products", unauthorized, forbidden, ok);
        Row("PUT", "/api/products/p1", unauthorized, forbidden, ok);
        Row("DELETE", "/api/products/p1", unauthorized, forbidden, ok);
        Row("GET", "/api/cart", unauthorized, ok, ok);
        Row("PUT", "/api/cart/items/p1", unauthorized, ok, ok);
        Row("POST", "/api/orders/checkout", unauthorized, ok, ok);
        Row("GET", "/api/orders/o1/history", unauthorized, ok, ok);
        Row("GET", "/api/admin/orders", unauthorized, forbidden, ok);
        Row("GET", "/api/admin/analytics/sales", unauthorized, forbidden, ok);
        Row("GET", "/api/inventory/p1", ok, ok, ok);
        Row("PUT", "/api/inventory/p1", unauthorized, forbidden, ok);
        Row("GET", "/api/payments?orderId=o1", unauthorized, forbidden, ok);
        Row("POST", "/api/auth/register", ok, ok, ok);
        Row("POST", "/api/auth/token", ok, ok, ok);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Authorization_matrix(string method, string path, string role, HttpStatusCode expected)
    {
        using var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" ? null : new StringContent("{}") };
        if (role != "") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.Token(role));

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string> BadTokens() => ["forged", "alg-none", "wrong-key", "expired", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_are_rejected_with_401(string kind)
    {
        var good = _identity.Token("admin");
        var token = kind switch
        {
            "forged" => Forge(good),
            "alg-none" => new JsonWebTokenHandler().CreateToken(
                $$"""{"iss":"{{TestIdentity.Issuer}}","aud":"ecommerce-api","sub":"x","role":"admin","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}"""),
            "wrong-key" => _identity.Token("admin", key: TestIdentity.NewKey()),
            "expired" => _identity.Token("admin", lifetime: TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-1)),
            _ => "not-a-jwt",
        };
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/cart");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_rotated_signing_key_is_fetched_when_a_token_names_an_unknown_kid()
    {
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _identity.Token("customer"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cart")).StatusCode);
        var fetchesBefore = _identity.JwksRequests;

        _identity.RotateKey();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _identity.Token("customer"));
        var response = await client.GetAsync("/api/cart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_identity.JwksRequests > fetchesBefore);
    }

    [Fact]
    public async Task The_validated_identity_is_forwarded_and_spoofed_identity_headers_are_dropped()
    {
        using var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.Token("customer", subject: "alice"));
        request.Headers.Add("X-User-Id", "mallory");
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        anonymous.Headers.Add("X-User-Role", "admin");

        var seen = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<Seen>();
        var seenAnonymous = await (await client.SendAsync(anonymous)).Content.ReadFromJsonAsync<Seen>();

        Assert.Equal(("alice", "customer"), (seen!.UserId, seen.Role));
        Assert.StartsWith("Bearer ", seen.Authorization);
        Assert.Equal(("", ""), (seenAnonymous!.UserId, seenAnonymous.Role));
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_cors_allows_only_the_frontends()
    {
        using var client = _gateway.CreateClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/products");
        allowed.Headers.Add("Origin", "http://localhost:3000");
        allowed.Headers.Add("Access-Control-Request-Method", "GET");
        using var foreign = new HttpRequestMessage(HttpMethod.Options, "/api/products");
        foreign.Headers.Add("Origin", "http://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "GET");

        var plain = await client.GetAsync("/api/products");
        var preflight = await client.SendAsync(allowed);
        var rejected = await client.SendAsync(foreign);

        Assert.Equal("nosniff", plain.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", plain.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(plain.Headers.Contains("Referrer-Policy"));
        Assert.Equal("http://localhost:3000", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(rejected.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        using var client = _gateway.CreateClient();

        var response = await client.PostAsync("/api/auth/register", new ByteArrayContent(new byte[2 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private sealed record Seen(string UserId, string Role, string Authorization);

    private static string Forge(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"admin\"", "\"root\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _identity.DisposeAsync();
    }
}
