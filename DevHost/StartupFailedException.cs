namespace ECommerce.DevHost;

/// <summary>The resource that kept the system from starting, and why.</summary>
public sealed class StartupFailedException(RunningResource resource, Exception inner)
    : Exception($"{resource.Name} failed to start: {inner.Message}", inner)
{
    public RunningResource Resource { get; } = resource;
}
