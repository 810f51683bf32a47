namespace ECommerce.System.Tests;

/// <summary>One running system shared by every test that needs it: starting it takes the better part of a minute.</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "DevHost";
}
