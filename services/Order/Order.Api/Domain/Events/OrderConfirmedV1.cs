using Marten;

namespace ECommerce.Order.Api.Domain.Events;

/// <summary>
/// How <see cref="OrderConfirmed"/> was first written (stored as <c>order_confirmed</c>): the amount without its
/// currency, which was always USD then. Today's shape is stored as <c>order_confirmed_v2</c>; Marten's upcaster turns
/// every old row into today's type on read, so the aggregate, the projections and a rebuild only ever see
/// <see cref="OrderConfirmed"/>.
/// </summary>
public sealed record OrderConfirmedV1(Guid OrderId, decimal Amount, DateTimeOffset ConfirmedAt)
{
    public const string StoredName = "order_confirmed";
    public const string CurrentName = "order_confirmed_v2";
    public const string ImpliedCurrency = "USD";

    public OrderConfirmed Upcast() => new(OrderId, Amount, ImpliedCurrency, ConfirmedAt);

    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<OrderConfirmed>(CurrentName);
        options.Events.Upcast<OrderConfirmedV1, OrderConfirmed>(StoredName, old => old.Upcast());
    }
}
