using ECommerce.Identity.Api.Discovery;
using ECommerce.Identity.Api.Keys;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>
/// Bearer tokens checked by identity itself, against its own keys straight from the key ring (ServiceDefaults'
/// AddDefaultAuthentication would fetch them over HTTP from this very service). Same rules as everywhere else:
/// RS256/ES256 only, our audience and issuer, at+jwt, 30 s of clock skew.
/// </summary>
public static class BearerValidation
{
    public static IHostApplicationBuilder AddBearerValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IssuerResolver, IOptions<TokenIssuanceOptions>, ILoggerFactory>(Configure);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Role, Roles.Admin));
        return builder;
    }

    private static void Configure(
        JwtBearerOptions options, SigningKeyRing ring, IssuerResolver issuers, IOptions<TokenIssuanceOptions> tokens, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BearerValidation));
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = tokens.Value.Audience,
            ValidTypes = [AccessTokenIssuer.TokenType],
            ValidAlgorithms = SigningAlgorithms.All,
            IssuerSigningKeyResolver = (_, _, kid, _) => ring.ValidationKeys(kid),
            IssuerValidator = (issuer, _, _) => issuer == issuers.ForCurrentRequest()
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"The issuer '{issuer}' is not this service's."),
            NameClaimType = Claims.Subject,
            RoleClaimType = Claims.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents
        {
            // The key resolver above is synchronous; the (rare) database read for a new kid happens here, asynchronously.
            OnMessageReceived = async context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
                try
                {
                    await ring.PrepareToValidateAsync(KidOf(header["Bearer ".Length..].Trim()), context.HttpContext.RequestAborted);
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
                {
                    logger.LogWarning("Could not reload signing keys, validating with the ones known: {Reason}", ex.Message);
                }
            },
        };
    }

    private static string? KidOf(string token)
    {
        try
        {
            return new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return null; // malformed: the handler rejects it with the right error
        }
    }
}
