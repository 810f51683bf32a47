namespace ECommerce.System.Tests;

/// <summary>
/// One running system shared by the tests that need it (starting it takes a while). Its tests live in one class,
/// <see cref="DevHostSystemTests"/>, whose last test stops it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "DevHost";
}
