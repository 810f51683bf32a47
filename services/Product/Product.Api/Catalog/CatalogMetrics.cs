using System.Diagnostics.Metrics;

namespace ECommerce.Product.Api.Catalog;

/// <summary>
/// Meter <c>ECommerce.Product</c>: database loads of single products (what stampede protection keeps at one per key)
/// and cache hits/misses. <see cref="DatabaseLoads"/> is also readable in-process, for the stampede test.
/// </summary>
public sealed class CatalogMetrics
{
    public const string MeterName = "ECommerce.Product";

    private readonly Counter<long> _loads;
    private readonly Counter<long> _lookups;
    private long _databaseLoads;

    public CatalogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _loads = meter.CreateCounter<long>("product.db.loads", description: "Single-product reads that reached PostgreSQL");
        _lookups = meter.CreateCounter<long>("product.cache.lookups", description: "Product reads by cache outcome (hit/miss)");
    }

    public long DatabaseLoads => Interlocked.Read(ref _databaseLoads);

    public void DatabaseLoad()
    {
        Interlocked.Increment(ref _databaseLoads);
        _loads.Add(1);
    }

    public void Lookup(bool hit) => _lookups.Add(1, new KeyValuePair<string, object?>("outcome", hit ? "hit" : "miss"));
}
