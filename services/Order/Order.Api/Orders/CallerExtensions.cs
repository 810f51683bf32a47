using System.Security.Claims;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Order.Api.Orders;

public static class CallerExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirst(Claims.Subject)?.Value ?? throw new InvalidOperationException("An authenticated caller without a subject.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(Claims.Role, Roles.Admin);

    /// <summary>Whether the caller may see the order: its owner or an admin. Others get 404, not 403: no probing for ids.</summary>
    public static bool MaySee(this ClaimsPrincipal user, OrderView order) => user.IsAdmin() || order.UserId == user.UserId();
}
