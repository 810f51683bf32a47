using JasperFx.Events.Daemon;
using Marten;

namespace ECommerce.Order.Api.Analytics;

public static class SalesEndpoint
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>GET /api/admin/analytics/sales?from&amp;to&amp;interval=hour|day (from inclusive, to exclusive; default: the last 7 days by day).</summary>
    public static RouteGroupBuilder MapSalesAnalytics(this RouteGroupBuilder group)
    {
        group.MapGet("/analytics/sales", async (DateTimeOffset? from, DateTimeOffset? to, string? interval,
            IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var until = to ?? clock.GetUtcNow();
            var since = from ?? until - DefaultRange;
            var unit = (interval ?? "day").ToLowerInvariant();
            var errors = new Dictionary<string, string[]>();
            if (unit is not ("hour" or "day")) errors["interval"] = ["hour or day."];
            if (since >= until) errors["from"] = ["from must be before to."];
            else if (until - since > MaxRange) errors["to"] = [$"At most {MaxRange.TotalDays} days from 'from'."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            var firstHour = SalesProjection.HourOf(since);
            var end = until.ToUniversalTime();
            var hours = await session.Query<SalesHour>()
                .Where(h => h.Bucket >= firstHour && h.Bucket < end)
                .ToListAsync(ct);
            var buckets = hours
                .GroupBy(h => unit == "day" ? new DateTimeOffset(h.Bucket.UtcDateTime.Date, TimeSpan.Zero) : h.Bucket.ToUniversalTime())
                .OrderBy(g => g.Key)
                .Select(g => new SalesBucket(g.Key, g.Sum(h => h.Orders), g.Sum(h => h.Revenue)))
                .ToList();
            return Results.Ok(buckets);
        });

        // Rebuild the read model from zero through Marten's daemon: its documents are deleted and every event replayed.
        group.MapPost("/analytics/sales/rebuild", async (IProjectionCoordinator coordinator, CancellationToken ct) =>
        {
            var daemon = coordinator.DaemonForMainDatabase();
            await daemon.RebuildProjectionAsync(SalesProjection.ProjectionName, RebuildTimeout, ct);
            return Results.NoContent();
        });
        return group;
    }
}
