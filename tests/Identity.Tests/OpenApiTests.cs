using System.Net;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class OpenApiTests(IdentityFixture fixture)
{
    [Fact]
    public async Task OpenApi_document_describes_the_auth_endpoints()
    {
        using var client = fixture.Client();

        var answer = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Body.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/register", "/api/auth/token", "/api/auth/revoke", "/api/auth/me", "/api/auth/keys/rotate",
                     "/.well-known/openid-configuration", "/.well-known/jwks.json" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}
