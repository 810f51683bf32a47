using Npgsql;

namespace ECommerce.Order.Api.Analytics;

public static class SalesEndpoint
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    /// <summary>GET /api/admin/analytics/sales?from&amp;to&amp;interval=hour|day (from inclusive, to exclusive; default: the last 7 days by day).</summary>
    public static RouteGroupBuilder MapSalesAnalytics(this RouteGroupBuilder group)
    {
        group.MapGet("/analytics/sales", async (DateTimeOffset? from, DateTimeOffset? to, string? interval,
            NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct) =>
        {
            var until = to ?? clock.GetUtcNow();
            var since = from ?? until - DefaultRange;
            var unit = (interval ?? "day").ToLowerInvariant();
            var errors = new Dictionary<string, string[]>();
            if (unit is not ("hour" or "day")) errors["interval"] = ["hour or day."];
            if (since >= until) errors["from"] = ["from must be before to."];
            else if (until - since > MaxRange) errors["to"] = [$"At most {MaxRange.TotalDays} days from 'from'."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);

            await using var command = dataSource.CreateCommand(
                """
                SELECT date_trunc(@unit, bucket, 'UTC'), sum(orders)::int, sum(revenue) FROM sales_by_hour
                WHERE bucket >= date_trunc('hour', @from, 'UTC') AND bucket < @to
                GROUP BY 1 ORDER BY 1
                """);
            command.Parameters.AddWithValue("unit", unit);
            command.Parameters.AddWithValue("from", since.UtcDateTime);
            command.Parameters.AddWithValue("to", until.UtcDateTime);
            var buckets = new List<SalesBucket>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                buckets.Add(new SalesBucket(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), reader.GetDecimal(2)));
            return Results.Ok(buckets);
        });
        return group;
    }
}
