using ECommerce.Order.Api.Orders;

namespace ECommerce.Order.Api.Admin;

/// <summary>API.md's paging shape: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record AdminOrderPage(IReadOnlyList<OrderView> Items, int Page, int PageSize, long Total);
