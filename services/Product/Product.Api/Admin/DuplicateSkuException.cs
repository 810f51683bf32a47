namespace ECommerce.Product.Api.Admin;

/// <summary>A create or update would give two products the same sku (answered 409).</summary>
public sealed class DuplicateSkuException(string sku) : Exception($"A product with sku '{sku}' already exists.");
