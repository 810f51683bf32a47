using ECommerce.Product.Api.Seeding;
using ECommerce.TestInfrastructure;
using ECommerce.TestInfrastructure.HealthTests;

namespace ECommerce.Product.Tests;

/// <summary>
/// The service with dedicated real servers for what it uses, shared by the health test classes; ready once the
/// seed catalog is in (readiness includes it), so an outage test starts from a healthy service.
/// </summary>
public sealed class ServiceFixture() : ServiceFixture<Program>("productdb", redis: true, broker: true), IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Service.WaitForCheckAsync(CatalogReadiness.Name, "Healthy", TimeSpan.FromSeconds(120));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Product service health";
}

[Collection(ServiceCollection.Name)]
public sealed class DatabaseHealth(ServiceFixture fixture) : DatabaseHealthTests<Program>(fixture);

[Collection(ServiceCollection.Name)]
public sealed class BrokerHealth(ServiceFixture fixture) : BrokerHealthTests<Program>(fixture);

/// <summary>The catalog is served from PostgreSQL while Redis is down: degraded, still taking traffic.</summary>
[Collection(ServiceCollection.Name)]
public sealed class RedisHealth(ServiceFixture fixture) : RedisHealthTests<Program>(fixture, "Degraded");
