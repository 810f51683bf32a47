using ECommerce.TestInfrastructure;
using ECommerce.TestInfrastructure.HealthTests;

namespace ECommerce.Inventory.Tests;

/// <summary>The service with dedicated real servers for what it uses, shared by every class in the collection.</summary>
public sealed class ServiceFixture() : ServiceFixture<Program>("inventorydb", broker: true);

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Inventory service";
}

[Collection(ServiceCollection.Name)]
public sealed class DatabaseHealth(ServiceFixture fixture) : DatabaseHealthTests<Program>(fixture);

[Collection(ServiceCollection.Name)]
public sealed class BrokerHealth(ServiceFixture fixture) : BrokerHealthTests<Program>(fixture);
