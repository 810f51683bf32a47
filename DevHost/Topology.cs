namespace ECommerce.DevHost;

/// <summary>
/// The system, declared the way AppHost/Program.cs declares it for Aspire (same names, references and waits),
/// so a test can hold the two side by side. Every setting DevHost passes to a service is derived from this.
/// </summary>
public static class Topology
{
    public const string AdminEmail = "admin@shop.local";
    public const string AdminPassword = "Admin123!";

    public static DistributedTopology Build()
    {
        var builder = new TopologyBuilder();

        var postgres = builder.AddPostgres("postgres");
        var productDb = postgres.AddDatabase("productdb");
        var orderDb = postgres.AddDatabase("orderdb");
        var inventoryDb = postgres.AddDatabase("inventorydb");
        var paymentDb = postgres.AddDatabase("paymentdb");
        var identityDb = postgres.AddDatabase("identitydb");

        var redis = builder.AddRedis("redis");
        var eventBus = builder.AddRabbitMQ("eventbus").WithManagementPlugin();

        var identity = builder.AddProject("identity", "services/Identity/Identity.Api")
            .WithReference(identityDb).WaitFor(identityDb)
            .WithEnvironment("Identity__AdminPassword", AdminPassword);

        var product = builder.AddProject("product", "services/Product/Product.Api")
            .WithReference(identity)
            .WithReference(productDb).WaitFor(productDb)
            .WithReference(redis).WaitFor(redis)
            .WithReference(eventBus).WaitFor(eventBus);

        var cart = builder.AddProject("cart", "services/Cart/Cart.Api")
            .WithReference(identity)
            .WithReference(redis).WaitFor(redis)
            .WithReference(eventBus).WaitFor(eventBus)
            .WithReference(product);

        var inventory = builder.AddProject("inventory", "services/Inventory/Inventory.Api")
            .WithReference(identity)
            .WithReference(inventoryDb).WaitFor(inventoryDb)
            .WithReference(eventBus).WaitFor(eventBus);

        var payment = builder.AddProject("payment", "services/Payment/Payment.Api")
            .WithReference(identity)
            .WithReference(paymentDb).WaitFor(paymentDb)
            .WithReference(eventBus).WaitFor(eventBus);

        var order = builder.AddProject("order", "services/Order/Order.Api")
            .WithReference(identity)
            .WithReference(orderDb).WaitFor(orderDb)
            .WithReference(eventBus).WaitFor(eventBus)
            .WithReference(product)
            .WithReference(inventory)
            .WithReference(payment)
            .WithReference(cart);

        var gateway = builder.AddProject("gateway", "gateway/Gateway")
            .WithReference(redis).WaitFor(redis)
            .WithReference(identity)
            .WithReference(product)
            .WithReference(cart)
            .WithReference(order)
            .WithReference(inventory)
            .WithReference(payment)
            .WithExternalHttpEndpoints();

        // Tokens name the public origin clients see as their issuer: the gateway's.
        identity.WithEnvironment("Identity__Issuer", gateway.GetEndpoint("http"));

        return builder.Build();
    }
}
