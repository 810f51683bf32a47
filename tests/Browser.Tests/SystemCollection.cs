namespace ECommerce.Browser.Tests;

/// <summary>One running system and one browser for every browser test (starting them takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "System";
}
