namespace ECommerce.Order.Api.Domain;

public sealed record ShippingAddress(string Name, string Line1, string City, string PostalCode, string Country);
