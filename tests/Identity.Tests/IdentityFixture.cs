namespace ECommerce.Identity.Tests;

/// <summary>The identity service as the hosts run it (issuer configured), shared by the "identity" collection.</summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string Issuer = "http://127.0.0.1:8080";
    public const int MaxFailedAttempts = 3;

    public IdentityServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await IdentityServer.StartAsync(new Dictionary<string, string>
    {
        ["Identity:Issuer"] = Issuer,
        ["Identity:Lockout:MaxFailedAttempts"] = $"{MaxFailedAttempts}",
    });

    public AuthClient Client() => Server.Client();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
