using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.ServiceDefaults.Authentication;

/// <summary>
/// Bearer-token validation the same way at the edge and in every service: RS256/ES256 only, audience
/// <c>ecommerce-api</c>, the identity service's issuer and signing keys (<see cref="SigningKeyCache"/>).
/// </summary>
public static class AuthenticationExtensions
{
    public const string Audience = "ecommerce-api";

    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SigningKeyCache>();
        builder.Services.AddHostedService<SigningKeyWarmup>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Role, Roles.Customer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Role, Roles.Admin));
        return builder;
    }

    private sealed class ConfigureJwtBearer(SigningKeyCache keys) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

        public void Configure(string? name, JwtBearerOptions options)
        {
            // Keys and issuer come from SigningKeyCache (refetched on an unknown kid), not JwtBearer's own metadata fetch.
            options.Configuration = new OpenIdConnectConfiguration();
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = Audience,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                IssuerSigningKeyResolver = (_, _, kid, _) => keys.KeysFor(kid),
                IssuerValidator = (issuer, _, _) => issuer == keys.Issuer
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the identity service's."),
                NameClaimType = Claims.Subject,
                RoleClaimType = Claims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        }
    }
}
