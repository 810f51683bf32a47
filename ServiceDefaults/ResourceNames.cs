namespace ECommerce.ServiceDefaults;

/// <summary>
/// The names the AppHost gives to resources; services look up
/// connection strings and service endpoints by these names only.
/// </summary>
public static class ResourceNames
{
    public const string ProductDb = "productdb";
    public const string OrderDb = "orderdb";
    public const string InventoryDb = "inventorydb";
    public const string PaymentDb = "paymentdb";
    public const string IdentityDb = "identitydb";
    public const string Redis = "redis";
    public const string EventBus = "eventbus";

    public const string Product = "product";
    public const string Cart = "cart";
    public const string Order = "order";
    public const string Inventory = "inventory";
    public const string Payment = "payment";
    public const string Identity = "identity";
    public const string Gateway = "gateway";

    public static readonly IReadOnlyList<string> Services = [Identity, Product, Cart, Order, Inventory, Payment];
}
