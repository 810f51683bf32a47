using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ECommerce.EventStore;

/// <summary>
/// Snapshot serialization: the store's JSON options, plus properties with a non-public setter are written back on
/// read, because aggregates usually expose state as <c>{ get; private set; }</c>. Computed (getter-only) members are
/// not restored: a snapshot type must round-trip through JSON.
/// </summary>
internal static class SnapshotJson
{
    public static JsonSerializerOptions Create(JsonSerializerOptions events)
    {
        var resolver = events.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        return new JsonSerializerOptions(events) { TypeInfoResolver = resolver.WithAddedModifier(RestorePrivateSetters) };
    }

    private static void RestorePrivateSetters(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.Set is not null || property.AttributeProvider is not PropertyInfo clr) continue;
            var setter = clr.GetSetMethod(nonPublic: true);
            if (setter is not null) property.Set = (target, value) => setter.Invoke(target, [value]);
        }
    }
}
