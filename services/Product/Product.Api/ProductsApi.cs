using ECommerce.Product.Api.Admin;
using ECommerce.Product.Api.Catalog;
using ECommerce.Product.Api.Search;
using ECommerce.Product.Api.Trending;

namespace ECommerce.Product.Api;

public static class ProductsApi
{
    /// <summary>The catalog endpoints of API.md, all under <c>/api/products</c>.</summary>
    public static WebApplication MapProductsApi(this WebApplication app)
    {
        app.MapGroup("/api/products").WithTags("Products")
            .MapCatalogEndpoints()
            .MapSearchEndpoints()
            .MapTrendingEndpoints()
            .MapAdminEndpoints();
        return app;
    }
}
