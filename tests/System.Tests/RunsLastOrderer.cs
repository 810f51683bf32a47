using Xunit.Abstractions;
using Xunit.Sdk;

namespace ECommerce.System.Tests;

/// <summary>
/// Runs the collection of the shared system first and <see cref="ShutdownCollection"/> last: the system's stop is
/// itself a test, so a dirty shutdown fails the run instead of only being logged.
/// </summary>
public sealed class RunsLastOrderer : ITestCollectionOrderer
{
    public const string TypeName = "ECommerce.System.Tests.RunsLastOrderer";
    public const string AssemblyName = "ECommerce.System.Tests";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains(ShutdownCollection.Name, StringComparison.Ordinal))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}

[CollectionDefinition(Name)]
public sealed class ShutdownCollection
{
    public const string Name = "Shutdown of the shared system";
}
