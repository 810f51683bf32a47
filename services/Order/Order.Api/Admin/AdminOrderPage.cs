using ECommerce.Order.Api.Orders;

namespace ECommerce.Order.Api.Admin;

public sealed record AdminOrderPage(IReadOnlyList<OrderView> Items, int Page, int PageSize, long TotalCount);
