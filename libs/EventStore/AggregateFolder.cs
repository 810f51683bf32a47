using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ECommerce.EventStore;

/// <summary>
/// Applies events to an aggregate through its public <c>void Apply(TEvent)</c> methods. The method for each event type
/// is found once (the most specific parameter type wins) and compiled to a delegate; events with no Apply are skipped.
/// </summary>
internal static class AggregateFolder<T> where T : class
{
    private static readonly MethodInfo[] ApplyMethods = typeof(T)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.Name == "Apply" && m.ReturnType == typeof(void) && m.GetParameters().Length == 1 && !m.IsGenericMethodDefinition)
        .ToArray();

    private static readonly ConcurrentDictionary<Type, Action<T, object>?> Appliers = new();

    /// <summary>A public settable long/int Version property, kept equal to the last folded stream version.</summary>
    private static readonly PropertyInfo? VersionProperty = typeof(T).GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is
        { CanWrite: true, SetMethod.IsPublic: true } p && (p.PropertyType == typeof(long) || p.PropertyType == typeof(int)) ? p : null;

    public static bool Handles(Type eventType) => Applier(eventType) is not null;

    public static void Apply(T aggregate, StoredEvent @event)
    {
        Applier(@event.Data.GetType())?.Invoke(aggregate, @event.Data);
        SetVersion(aggregate, @event.Version);
    }

    public static void SetVersion(T aggregate, long version)
    {
        if (VersionProperty is null) return;
        VersionProperty.SetValue(aggregate, VersionProperty.PropertyType == typeof(int) ? checked((int)version) : version);
    }

    private static Action<T, object>? Applier(Type eventType) => Appliers.GetOrAdd(eventType, static type =>
    {
        var method = ApplyMethods
            .Where(m => m.GetParameters()[0].ParameterType.IsAssignableFrom(type))
            .OrderBy(m => Distance(type, m.GetParameters()[0].ParameterType))
            .FirstOrDefault();
        if (method is null) return null;
        var aggregate = Expression.Parameter(typeof(T));
        var @event = Expression.Parameter(typeof(object));
        var call = Expression.Call(aggregate, method, Expression.Convert(@event, method.GetParameters()[0].ParameterType));
        return Expression.Lambda<Action<T, object>>(call, aggregate, @event).Compile();
    });

    private static int Distance(Type from, Type to)
    {
        if (to.IsInterface) return 1000;
        var distance = 0;
        for (var t = from; t is not null && t != to; t = t.BaseType) distance++;
        return distance;
    }
}
