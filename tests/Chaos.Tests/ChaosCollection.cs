namespace ECommerce.Chaos.Tests;

/// <summary>One running system for every scenario (starting it takes a while); scenarios run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosFixture>
{
    public const string Name = "Chaos";
}
