using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Inventory.Api.Stock;

public static class StockEndpoints
{
    private const int MaxProductIdLength = 100;

    /// <summary><c>GET</c> (anyone: the product page shows availability) and <c>PUT</c> (admin) <c>/api/inventory/{productId}</c>.</summary>
    public static RouteGroupBuilder MapStockEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/{productId}", GetAsync).AllowAnonymous().WithSummary("A product's stock");
        group.MapPut("/{productId}", PutAsync).RequireAuthorization(Policies.Admin).WithSummary("Set a product's on-hand units");
        return group;
    }

    private static async Task<Results<Ok<StockLevel>, ValidationProblem>> GetAsync(string productId, StockStore store, CancellationToken ct)
    {
        if (ProductIdError(productId) is { } error) return TypedResults.ValidationProblem(error);
        return TypedResults.Ok(await store.GetAsync(productId, ct));
    }

    private static async Task<Results<Ok<StockLevel>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string productId, StockUpdate body, StockStore store, CancellationToken ct)
    {
        if (ProductIdError(productId) is { } error) return TypedResults.ValidationProblem(error);
        if (body.OnHand is not { } onHand || onHand < 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["onHand"] = [body.OnHand is null ? "onHand is required." : "onHand must be 0 or more."],
            });

        var (updated, level) = await store.SetOnHandAsync(productId, onHand, ct);
        if (!updated)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Units are reserved",
                detail: $"{level.Reserved} units of '{productId}' are reserved for orders; on-hand cannot go below that.");
        return TypedResults.Ok(level);
    }

    private static Dictionary<string, string[]>? ProductIdError(string productId) =>
        string.IsNullOrWhiteSpace(productId) || productId.Length > MaxProductIdLength
            ? new() { ["productId"] = [$"productId must be 1 to {MaxProductIdLength} characters."] }
            : null;
}
