namespace ECommerce.Order.Api.Saga;

public static class OrderStream
{
    public static string Id(Guid orderId) => $"order-{orderId:N}";
}
