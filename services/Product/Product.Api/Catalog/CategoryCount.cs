namespace ECommerce.Product.Api.Catalog;

public sealed record CategoryCount(string Name, long Count);
