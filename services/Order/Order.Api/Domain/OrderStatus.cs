namespace ECommerce.Order.Api.Domain;

/// <summary>Pending → StockReserved → Confirmed, or Cancelled from any state before Confirmed.</summary>
public enum OrderStatus
{
    Pending,
    StockReserved,
    Confirmed,
    Cancelled,
}
