using System.Text.Json;

namespace ECommerce.EventStore;

/// <summary>
/// Which CLR types are events, the name and type version each is stored under, and how rows written under an
/// old name or version become today's type (upcasting). Rows are never rewritten: old shapes are converted on read.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<Type, (string Name, int? Version)> _added = [];
    private readonly List<Upcaster> _upcasters = [];
    private Dictionary<Type, EventTypeName>? _written;
    private Dictionary<string, Type>? _currentByName;

    /// <param name="name">Stored type name; the CLR type's Name by default.</param>
    /// <param name="version">
    /// Type version written with new events. By default one more than the highest version an upcaster reads under
    /// the same name (so <c>Upcast&lt;V1, T&gt;("T", 1, ...)</c> makes T version 2), else 1.
    /// </param>
    public EventTypeRegistry Add<T>(string? name = null, int? version = null) where T : class
    {
        ThrowIfFrozen();
        _added[typeof(T)] = (name ?? typeof(T).Name, version);
        return this;
    }

    /// <summary>
    /// Rows stored as (<paramref name="storedName"/>, <paramref name="storedVersion"/>) are read as
    /// <typeparamref name="TOld"/> and converted by <paramref name="upcast"/>. Covers a renamed type (old name) and a
    /// reshaped payload (old version). TOld may be a JsonObject to reshape the raw JSON. Upcasters chain when the
    /// result is itself an old type another upcaster reads.
    /// </summary>
    public EventTypeRegistry Upcast<TOld, TNew>(string storedName, int storedVersion, Func<TOld, TNew> upcast)
        where TOld : class where TNew : class
    {
        ThrowIfFrozen();
        if (_upcasters.Any(u => u.StoredName == storedName && u.StoredVersion == storedVersion))
            throw new InvalidOperationException($"Two upcasters read '{storedName}' version {storedVersion}.");
        _upcasters.Add(new Upcaster(storedName, storedVersion, typeof(TOld), typeof(TNew), old => upcast((TOld)old)));
        if (!_added.ContainsKey(typeof(TNew)) && !_upcasters.Any(u => u.OldType == typeof(TNew)))
            _added[typeof(TNew)] = (typeof(TNew).Name, null);
        return this;
    }

    internal IReadOnlyCollection<Type> Types => _written?.Keys ?? (IReadOnlyCollection<Type>)_added.Keys;

    internal void Freeze()
    {
        if (_written is not null) return;
        var written = new Dictionary<Type, EventTypeName>();
        foreach (var (type, (name, explicitVersion)) in _added)
        {
            if (_upcasters.Any(u => u.OldType == type)) continue;   // an old shape read only through its upcaster
            var upcastVersions = _upcasters.Where(u => u.StoredName == name).Select(u => u.StoredVersion).ToList();
            var version = explicitVersion ?? (upcastVersions.Count == 0 ? 1 : upcastVersions.Max() + 1);
            if (upcastVersions.Contains(version))
                throw new InvalidOperationException($"{type.Name} is written as '{name}' version {version}, which an upcaster reads as an old shape.");
            written[type] = new EventTypeName(name, version);
        }
        var duplicate = written.GroupBy(w => w.Value.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Event types {string.Join(", ", duplicate.Select(d => d.Key.Name))} share the stored name '{duplicate.Key}'.");
        _currentByName = written.ToDictionary(w => w.Value.Name, w => w.Key);
        _written = written;
    }

    internal EventTypeName NameOf(Type type) =>
        Frozen.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.Name} is not a registered event type: add store.Events.Add<{type.Name}>() to AddEventStore.");

    internal string? CurrentNameOf(Type type) => Frozen.TryGetValue(type, out var name) ? name.Name : null;

    /// <summary>The current CLR object for a stored row; an unknown name stays a JsonElement rather than failing reads.</summary>
    internal object Deserialize(string name, int version, string json, JsonSerializerOptions options)
    {
        _ = Frozen;
        var upcaster = _upcasters.FirstOrDefault(u => u.StoredName == name && u.StoredVersion == version);
        if (upcaster is not null)
        {
            var value = upcaster.Convert(JsonSerializer.Deserialize(json, upcaster.OldType, options)!);
            for (var hops = 0; hops < 32; hops++)
            {
                var next = _upcasters.FirstOrDefault(u => u.OldType == value.GetType());
                if (next is null) return value;
                value = next.Convert(value);
            }
            throw new InvalidOperationException($"Upcasters for '{name}' form a cycle.");
        }
        return _currentByName!.TryGetValue(name, out var type)
            ? JsonSerializer.Deserialize(json, type, options)!
            : JsonSerializer.Deserialize<JsonElement>(json, options);
    }

    private Dictionary<Type, EventTypeName> Frozen => _written ?? throw new InvalidOperationException("The event registry is used before AddEventStore finished.");

    private void ThrowIfFrozen()
    {
        if (_written is not null) throw new InvalidOperationException("Event types are registered in AddEventStore's configure callback only.");
    }

    private sealed record Upcaster(string StoredName, int StoredVersion, Type OldType, Type NewType, Func<object, object> Convert);
}

internal readonly record struct EventTypeName(string Name, int Version);
