using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Postgres;
using ECommerce.Product.Api.Admin;
using ECommerce.Product.Api.Caching;
using ECommerce.Product.Api.Catalog;
using ECommerce.Product.Api.Search;
using ECommerce.Product.Api.Seeding;
using ECommerce.Product.Api.Trending;
using ECommerce.Coordination;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Product.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource(ResourceNames.ProductDb, configureDataSourceBuilder: PostgresExtensions.BoundWaitsAndPool);
        builder.AddSchemaMigrations(typeof(Extensions).Assembly);
        // The catalog is served from PostgreSQL when Redis is down: without its cache the service is degraded, not down.
        builder.AddFailFastRedisClient(ResourceNames.Redis, HealthStatus.Degraded);
        builder.AddMessaging(ResourceNames.EventBus, messaging =>
        {
            messaging.ServiceName = ResourceNames.Product;
            messaging.Handle<OrderConfirmed, OrderConfirmedHandler>();
        });

        var services = builder.Services;
        services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.SeedSize >= 0, "Catalog:SeedSize must not be negative.").ValidateOnStart();
        services.AddOptions<ProductCacheOptions>().Bind(builder.Configuration.GetSection(ProductCacheOptions.SectionName))
            .Validate(o => o.Ttl > TimeSpan.Zero && o.Jitter is >= 0 and < 1, "ProductCache needs a positive Ttl and 0 <= Jitter < 1.").ValidateOnStart();
        services.AddOptions<TrendingOptions>().Bind(builder.Configuration.GetSection(TrendingOptions.SectionName))
            .Validate(o => o.Buckets > 0 && o.BucketSize > TimeSpan.Zero && o.HalfLife > TimeSpan.Zero, "Trending needs positive Buckets, BucketSize and HalfLife.")
            .ValidateOnStart();

        services.AddSingleton<CatalogReadiness>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            CatalogReadiness.Name, sp => sp.GetRequiredService<CatalogReadiness>(), HealthStatus.Unhealthy, ["ready"]));
        services.AddHostedService<CatalogSeeder>();

        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogMetrics>();
        services.AddSingleton<ProductStore>();
        services.AddSingleton<ProductWriter>();
        services.AddSingleton<CacheStore>();
        services.AddSingleton<ProductCache>();
        services.AddSingleton<ProductCacheWriter>();
        services.AddSingleton<InvalidationBus>();
        services.AddHostedService(sp => sp.GetRequiredService<InvalidationBus>());
        services.AddSingleton<TrendingProducts>();
        services.AddSingleton<SpellingCorrector>();
        services.AddSingleton<IProductSearch, PostgresProductSearch>();
    }
}
