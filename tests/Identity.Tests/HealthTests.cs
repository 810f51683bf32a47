using ECommerce.TestInfrastructure;
using ECommerce.TestInfrastructure.HealthTests;

namespace ECommerce.Identity.Tests;

/// <summary>The service with dedicated real servers for what it uses, shared by every class in the collection.</summary>
public sealed class ServiceFixture() : ServiceFixture<Program>("identitydb");

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Identity service";
}

[Collection(ServiceCollection.Name)]
public sealed class DatabaseHealth(ServiceFixture fixture) : DatabaseHealthTests<Program>(fixture);
