namespace ECommerce.Cart.Api.Carts;

/// <summary>The product service did not answer usefully even after the resilience pipeline's retries.</summary>
public sealed class ProductCatalogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
