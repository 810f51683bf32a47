using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>What access and refresh tokens say and how long they live; bound from <c>Identity</c>.</summary>
public sealed class TokenIssuanceOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The public origin clients see, the gateway's (<c>http://127.0.0.1:8080</c>). When empty it is taken from each
    /// request as clients sent it (X-Forwarded-Proto/Host from a loopback proxy), which only works when every caller,
    /// including the edge fetching the discovery document, comes through the same origin.
    /// </summary>
    public string? Issuer { get; set; }

    public string Audience { get; set; } = AuthenticationExtensions.Audience;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
