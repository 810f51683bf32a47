using System.Security.Claims;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Cart.Api.Carts;

/// <summary>API.md's Cart section: the signed-in user's own cart (the token's <c>sub</c> names it).</summary>
public static class CartEndpoints
{
    public static WebApplication MapCartApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/cart").WithTags("Cart")
            .RequireAuthorization(Policies.Customer)
            .AddEndpointFilter<RedisUnavailableFilter>();
        group.MapGet("/", GetAsync).WithSummary("The caller's cart");
        group.MapPut("/items/{productId}", SetQuantityAsync).WithSummary("Put a product in the cart with a quantity (1..99)");
        group.MapDelete("/items/{productId}", RemoveAsync).WithSummary("Remove a product from the cart");
        group.MapDelete("/", ClearAsync).WithSummary("Empty the cart");
        return app;
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirst(Claims.Subject)?.Value ?? throw new InvalidOperationException("An authorized caller has a subject.");

    private static async Task<Ok<CartResponse>> GetAsync(ClaimsPrincipal user, CartStore carts, IOptions<CartOptions> options) =>
        TypedResults.Ok(CartResponse.From(await carts.GetAsync(UserId(user)), options.Value.DefaultCurrency));

    private static async Task<Results<Ok<CartResponse>, ValidationProblem, ProblemHttpResult>> SetQuantityAsync(
        string productId, SetQuantityRequest request, ClaimsPrincipal user, CartStore carts, ProductCatalog catalog,
        IOptions<CartOptions> options, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        ProductSnapshot? product;
        try
        {
            product = await catalog.FindAsync(productId, ct);
        }
        catch (ProductCatalogUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Product service unavailable",
                detail: "The product's current name and price could not be fetched; try again shortly.");
        }
        if (product is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown product",
                detail: $"There is no product '{productId}'.");

        var userId = UserId(user);
        await carts.SetAsync(userId, new CartLine(productId, product.Name, product.Price, product.Currency, request.Quantity!.Value, time.GetUtcNow()));
        return TypedResults.Ok(CartResponse.From(await carts.GetAsync(userId), options.Value.DefaultCurrency));
    }

    private static async Task<NoContent> RemoveAsync(string productId, ClaimsPrincipal user, CartStore carts)
    {
        await carts.RemoveAsync(UserId(user), productId);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ClearAsync(ClaimsPrincipal user, CartStore carts)
    {
        await carts.ClearAsync(UserId(user));
        return TypedResults.NoContent();
    }
}
