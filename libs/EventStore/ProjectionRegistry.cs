namespace ECommerce.EventStore;

/// <summary>The projections the store runs: inline ones in each append's transaction, async ones in the daemon.</summary>
public sealed class ProjectionRegistry
{
    private readonly List<ProjectionRegistration> _registrations = [];
    private bool _frozen;

    /// <summary>T is resolved from DI as a singleton (registered if it is not already).</summary>
    public ProjectionRegistry Add<T>(ProjectionLifecycle lifecycle) where T : class => Add(typeof(T), null, lifecycle);

    /// <summary>A ready-made instance (handy in tests).</summary>
    public ProjectionRegistry Add(object projection, ProjectionLifecycle lifecycle) => Add(projection.GetType(), projection, lifecycle);

    internal IReadOnlyList<ProjectionRegistration> Registrations => _registrations;

    internal void Freeze() => _frozen = true;

    private ProjectionRegistry Add(Type type, object? instance, ProjectionLifecycle lifecycle)
    {
        if (_frozen) throw new InvalidOperationException("Projections are registered in AddEventStore's configure callback only.");
        var contract = lifecycle == ProjectionLifecycle.Inline ? typeof(IInlineProjection) : typeof(IAsyncProjection);
        if (!contract.IsAssignableFrom(type))
            throw new ArgumentException($"{type.Name} must implement {contract.Name} to run as a {lifecycle} projection.");
        if (_registrations.Any(r => r.Type == type && r.Lifecycle == lifecycle))
            throw new InvalidOperationException($"{type.Name} is registered twice as a {lifecycle} projection.");
        _registrations.Add(new ProjectionRegistration(type, instance, lifecycle));
        return this;
    }
}

internal sealed record ProjectionRegistration(Type Type, object? Instance, ProjectionLifecycle Lifecycle);
