using ECommerce.TestInfrastructure;
using ECommerce.TestInfrastructure.HealthTests;

namespace ECommerce.Cart.Tests;

/// <summary>The service with dedicated real servers for what it uses, shared by every class in the collection.</summary>
public sealed class ServiceFixture() : ServiceFixture<Program>(redis: true, broker: true);

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Cart service";
}

[Collection(ServiceCollection.Name)]
public sealed class BrokerHealth(ServiceFixture fixture) : BrokerHealthTests<Program>(fixture);

[Collection(ServiceCollection.Name)]
public sealed class RedisHealth(ServiceFixture fixture) : RedisHealthTests<Program>(fixture, "Unhealthy");
