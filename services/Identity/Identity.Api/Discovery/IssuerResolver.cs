using ECommerce.Identity.Api.Tokens;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api.Discovery;

/// <summary>
/// The issuer: <c>Identity:Issuer</c> when configured (the gateway's public origin, as the hosts pass it), otherwise the
/// origin of the request as the client sent it (the forwarded-headers middleware has already applied X-Forwarded-*).
/// </summary>
public sealed class IssuerResolver(IOptions<TokenIssuanceOptions> options, IHttpContextAccessor accessor)
{
    public string For(HttpRequest request) =>
        options.Value.Issuer is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";

    /// <summary>The issuer for the request being handled now (for the token validator, which gets no HttpContext).</summary>
    public string? ForCurrentRequest() => accessor.HttpContext is { } http ? For(http.Request) : options.Value.Issuer?.TrimEnd('/');
}
