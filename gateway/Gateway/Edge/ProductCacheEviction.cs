using Microsoft.AspNetCore.OutputCaching;

namespace ECommerce.Gateway.Edge;

/// <summary>
/// The output cache holds anonymous product reads for a few seconds; a successful write to products through
/// this gateway drops them at once, so an admin's change is visible on the next read.
/// </summary>
public static class ProductCacheEviction
{
    public static IApplicationBuilder UseProductCacheEviction(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Request.Path.StartsWithSegments("/api/products")
            && context.Response.StatusCode is >= 200 and < 300)
        {
            await context.RequestServices.GetRequiredService<IOutputCacheStore>()
                .EvictByTagAsync(Extensions.ProductsCacheTag, context.RequestAborted);
        }
    });
}
