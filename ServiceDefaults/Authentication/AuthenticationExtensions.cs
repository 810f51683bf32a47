using ECommerce.ServiceDefaults.Discovery;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.ServiceDefaults.Authentication;

/// <summary>
/// Bearer-token validation the same way at the edge and in every service: the identity service's OpenID
/// metadata and signing keys (JWKS) are fetched through service discovery from <c>http://identity</c>,
/// cached, and fetched again when a token carries an unknown <c>kid</c> (a rotated key).
/// </summary>
public static class AuthenticationExtensions
{
    public const string Audience = "ecommerce-api";

    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Role, Roles.Customer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Role, Roles.Admin));
        return builder;
    }

    private sealed class ConfigureJwtBearer(IConfiguration configuration, ServiceEndpointResolver resolver)
        : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

        public void Configure(string? name, JwtBearerOptions options)
        {
            var authority = configuration["Identity:Authority"] ?? "http://identity";
            options.MetadataAddress = $"{authority.TrimEnd('/')}/.well-known/openid-configuration";
            options.RequireHttpsMetadata = false; // inside the system's own network; the edge decides on TLS
            options.Backchannel = new HttpClient(new ServiceDiscoveryHandler(resolver) { InnerHandler = new SocketsHttpHandler() })
            {
                Timeout = TimeSpan.FromSeconds(10),
            };
            options.MapInboundClaims = false;
            options.RefreshOnIssuerKeyNotFound = true;
            options.AutomaticRefreshInterval = TimeSpan.FromMinutes(10);
            options.RefreshInterval = TimeSpan.FromSeconds(10); // at most one refetch per 10 s on unknown keys
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = Audience,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                NameClaimType = Claims.Subject,
                RoleClaimType = Claims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        }
    }
}
