using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Product.Api.Admin;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder group)
    {
        var admin = group.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateAsync).WithSummary("Add a product (admin)");
        admin.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace a product (admin); caches everywhere are updated before the answer");
        admin.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Remove a product (admin)");
        return group;
    }

    private static async Task<Results<Created<ProductDetails>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProductInput input, ProductWriter writer, CancellationToken ct)
    {
        var errors = ProductInputValidator.Validate(input);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            var product = await writer.CreateAsync(input, ct);
            return TypedResults.Created($"/api/products/{product.Id}", product);
        }
        catch (DuplicateSkuException e)
        {
            return Conflict(e);
        }
    }

    private static async Task<Results<Ok<ProductDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ProductInput input, ProductWriter writer, ProductCacheWriter caches, CancellationToken ct)
    {
        var errors = ProductInputValidator.Validate(input);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            if (await writer.UpdateAsync(id, input, ct) is not var (product, priceChanged)) return NotFound(id);
            if (priceChanged) await caches.WriteThroughAsync(product);
            else await caches.InvalidateAsync(id);
            return TypedResults.Ok(product);
        }
        catch (DuplicateSkuException e)
        {
            return Conflict(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ProductWriter writer, ProductCacheWriter caches, CancellationToken ct)
    {
        if (!await writer.DeleteAsync(id, ct)) return NotFound(id);
        await caches.InvalidateAsync(id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No product with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Conflict(Exception e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Duplicate sku");
}
