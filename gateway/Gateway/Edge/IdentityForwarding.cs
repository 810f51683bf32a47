using ECommerce.ServiceDefaults.Authentication;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace ECommerce.Gateway.Edge;

/// <summary>
/// A request transform on every route: tells services who the edge let in (X-User-Id, X-User-Role), after dropping
/// any such headers a caller sent: only the gateway may set them. Services still validate the forwarded bearer
/// token themselves.
/// </summary>
public static class IdentityForwarding
{
    public const string UserIdHeader = "X-User-Id";
    public const string UserRoleHeader = "X-User-Role";

    public static TransformBuilderContext AddIdentityForwarding(this TransformBuilderContext context)
    {
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            headers.Remove(UserIdHeader);
            headers.Remove(UserRoleHeader);
            var user = transform.HttpContext.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                headers.TryAddWithoutValidation(UserIdHeader, user.FindFirst(Claims.Subject)?.Value);
                headers.TryAddWithoutValidation(UserRoleHeader, user.FindFirst(Claims.Role)?.Value);
            }
            return ValueTask.CompletedTask;
        });
        return context;
    }
}
