using System.Security.Claims;
using ECommerce.Order.Api.Orders;

namespace ECommerce.Order.Api.Checkout;

public static class CheckoutEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapCheckout(this RouteGroupBuilder group)
    {
        group.MapPost("/checkout", async (HttpContext http, ClaimsPrincipal user, CheckoutRequest? request, CheckoutHandler handler, CancellationToken ct) =>
        {
            var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
            if (string.IsNullOrWhiteSpace(key) || key.Length > CheckoutValidator.MaxIdempotencyKeyLength)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key required",
                    detail: $"Send an {IdempotencyKeyHeader} header (1 to {CheckoutValidator.MaxIdempotencyKeyLength} characters, e.g. a new UUID per checkout).");
            var errors = CheckoutValidator.Validate(request);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The checkout request is invalid.");
            return await handler.CheckoutAsync(user.UserId(), key, request!, http.Request.Headers.Authorization.ToString(), ct);
        }).Accepts<CheckoutRequest>("application/json");
        return group;
    }
}
