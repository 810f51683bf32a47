using Xunit.Abstractions;
using Xunit.Sdk;

namespace ECommerce.System.Tests;

/// <summary>
/// Runs a class's tests by name, those marked <see cref="RunsLastAttribute"/> after all the others: stopping
/// the shared DevHost is itself a test, so a dirty shutdown fails the run instead of only being logged.
/// </summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "ECommerce.System.Tests.RunsLastOrderer";
    public const string AssemblyName = "ECommerce.System.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any())
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
