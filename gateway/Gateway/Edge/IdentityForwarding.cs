using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Gateway.Edge;

/// <summary>
/// Tells services who the edge let in (X-User-Id, X-User-Role), after dropping any such headers a caller sent:
/// only the gateway may set them. Services still validate the forwarded bearer token themselves.
/// </summary>
public static class IdentityForwarding
{
    public const string UserIdHeader = "X-User-Id";
    public const string UserRoleHeader = "X-User-Role";

    public static IApplicationBuilder UseIdentityForwarding(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Request.Headers.Remove(UserIdHeader);
        context.Request.Headers.Remove(UserRoleHeader);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Request.Headers[UserIdHeader] = context.User.FindFirst(Claims.Subject)?.Value;
            context.Request.Headers[UserRoleHeader] = context.User.FindFirst(Claims.Role)?.Value;
        }
        return next(context);
    });
}
