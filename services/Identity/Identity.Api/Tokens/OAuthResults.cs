using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>Token endpoint answers: JSON, never cached (RFC 6749 §5.1), with a Basic challenge on a 401.</summary>
public static class OAuthResults
{
    public static Results<JsonHttpResult<TokenResponse>, JsonHttpResult<OAuthError>> From(HttpContext http, TokenOutcome outcome)
    {
        NoStore(http);
        if (outcome.Response is { } response) return TypedResults.Json(response);
        return Error(http, outcome.Error!);
    }

    public static JsonHttpResult<OAuthError> Error(HttpContext http, OAuthError error)
    {
        NoStore(http);
        if (error.ChallengeBasic) http.Response.Headers.WWWAuthenticate = "Basic realm=\"identity\", charset=\"UTF-8\"";
        return TypedResults.Json(error, statusCode: error.StatusCode);
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}
