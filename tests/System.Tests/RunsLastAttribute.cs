namespace ECommerce.System.Tests;

/// <summary>Marks the test that ends the shared system (see <see cref="RunsLastOrderer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;
