using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.Discovery;
using ECommerce.Identity.Api.Keys;
using ECommerce.Identity.Api.RefreshTokens;
using ECommerce.Identity.Api.Registration;
using ECommerce.Identity.Api.Tokens;
using ECommerce.Identity.Api.Users;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ResourceNames.IdentityDb, configureDataSourceBuilder: PostgresExtensions.BoundWaitsAndPool);
        builder.AddSchemaMigrations(typeof(Extensions).Assembly);
        DapperConventions.Register();
        builder.AddIdentityOptions();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton(sp => new LoginPolicy(sp.GetRequiredService<IOptions<AccountLockoutOptions>>().Value));
        services.AddSingleton(sp => new KeyRotationPolicy(
            sp.GetRequiredService<IOptions<SigningKeyOptions>>().Value, sp.GetRequiredService<IOptions<TokenIssuanceOptions>>().Value));
        services.AddSingleton<UserStore>();
        services.AddSingleton<SignInHandler>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<IssuerResolver>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<PasswordGrant>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddSingleton<ClientCredentialsGrant>();
        services.AddHostedService<KeyMaintenanceService>();
        services.AddHostedService<AdminSeeder>();

        builder.AddBearerValidation();
        // The gateway says how clients reached it; trusted from loopback proxies only (the middleware's default).
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
    }

    /// <summary>After MapDefaultEndpoints: the request as the client sent it, then who is calling.</summary>
    public static WebApplication UseIdentityEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapIdentityApi(this WebApplication app)
    {
        app.MapGroup("/api/auth").WithTags("Auth")
            .MapRegisterEndpoint()
            .MapTokenEndpoint()
            .MapRevokeEndpoint()
            .MapMeEndpoint()
            .MapKeyEndpoints();
        app.MapDiscoveryEndpoints();
        return app;
    }

    private static void AddIdentityOptions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<TokenIssuanceOptions>().Bind(configuration.GetSection(TokenIssuanceOptions.SectionName))
            .Validate(o => string.IsNullOrEmpty(o.Issuer) || IsHttpOrigin(o.Issuer), "Identity:Issuer must be an absolute http(s) URL such as http://127.0.0.1:8080.")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Token lifetimes must be positive.")
            .ValidateOnStart();
        services.AddOptions<SigningKeyOptions>().Bind(configuration.GetSection(SigningKeyOptions.SectionName))
            .Validate(o => SigningAlgorithms.All.Contains(o.SigningAlgorithm), "Identity:SigningAlgorithm must be RS256 or ES256.")
            .Validate(o => o.SigningKeyLifetime > TimeSpan.Zero, "Identity:SigningKeyLifetime must be positive.")
            .ValidateOnStart();
        services.AddOptions<AccountLockoutOptions>().Bind(configuration.GetSection(AccountLockoutOptions.SectionName))
            .Validate(o => o.MaxFailedAttempts > 0 && o.Duration > TimeSpan.Zero, "Identity:Lockout needs MaxFailedAttempts > 0 and a positive Duration.")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddOptions<ClientsOptions>().Bind(configuration.GetSection(ClientsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClientsOptions>, ClientsOptionsValidator>();
    }

    private static bool IsHttpOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
