using ECommerce.Order.Api.Domain.Events;
using Marten.Events.Projections;

namespace ECommerce.Order.Api.Analytics;

/// <summary>Confirmed orders and revenue in one hour of confirmation (UTC): one document per hour.</summary>
public sealed class SalesHour
{
    public string Id { get; set; } = "";
    public DateTimeOffset Bucket { get; set; }
    public int Orders { get; set; }
    public decimal Revenue { get; set; }
}

/// <summary>
/// The sales read model as an asynchronous Marten projection: the async daemon feeds it committed events in order and
/// stores its progress with the documents it writes, so each confirmation counts once, and a rebuild
/// (<c>RebuildProjectionAsync</c>) deletes the documents and replays every event from zero.
/// </summary>
public sealed class SalesProjection : MultiStreamProjection<SalesHour, string>
{
    public const string ProjectionName = "sales";

    public SalesProjection()
    {
        Name = ProjectionName;
        Identity<OrderConfirmed>(e => HourKey(e.ConfirmedAt));
    }

    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static string HourKey(DateTimeOffset at) => HourOf(at).ToString("yyyy-MM-ddTHH");

    public void Apply(SalesHour hour, OrderConfirmed e)
    {
        hour.Id = HourKey(e.ConfirmedAt);
        hour.Bucket = HourOf(e.ConfirmedAt);
        hour.Orders++;
        hour.Revenue += e.Total;
    }
}
