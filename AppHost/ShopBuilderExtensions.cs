using ECommerce.AppHost.Servers;
using Microsoft.Extensions.Configuration;

namespace ECommerce.AppHost;

public static class ShopBuilderExtensions
{
    /// <summary>The six services and the gateway, each waiting for what it cannot start without.</summary>
    public static void AddShop(this IDistributedApplicationBuilder builder, ServerResources servers)
    {
        // Parameters:admin-password in appsettings.json (Admin123!); override it with user secrets.
        var adminPassword = builder.AddParameter("admin-password", secret: true);
        var redis = servers.Redis;
        var eventBus = servers.EventBus;

        var identity = builder.AddProject<Projects.Identity_Api>("identity")
            .WithReference(servers.Database("identitydb")).WaitFor(servers.Database("identitydb"))
            .WithEnvironment("Identity__AdminPassword", adminPassword)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        var product = builder.AddProject<Projects.Product_Api>("product")
            .WithReference(identity)
            .WithReference(servers.Database("productdb")).WaitFor(servers.Database("productdb"))
            .WithReference(redis).WaitFor(redis)
            .WithReference(eventBus).WaitFor(eventBus)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        var cart = builder.AddProject<Projects.Cart_Api>("cart")
            .WithReference(identity)
            .WithReference(redis).WaitFor(redis)
            .WithReference(eventBus).WaitFor(eventBus)
            .WithReference(product)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        var inventory = builder.AddProject<Projects.Inventory_Api>("inventory")
            .WithReference(identity)
            .WithReference(servers.Database("inventorydb")).WaitFor(servers.Database("inventorydb"))
            .WithReference(eventBus).WaitFor(eventBus)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        var payment = builder.AddProject<Projects.Payment_Api>("payment")
            .WithReference(identity)
            .WithReference(servers.Database("paymentdb")).WaitFor(servers.Database("paymentdb"))
            .WithReference(eventBus).WaitFor(eventBus)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        var order = builder.AddProject<Projects.Order_Api>("order")
            .WithReference(identity)
            .WithReference(servers.Database("orderdb")).WaitFor(servers.Database("orderdb"))
            .WithReference(eventBus).WaitFor(eventBus)
            .WithReference(product)
            .WithReference(inventory)
            .WithReference(payment)
            .WithReference(cart)
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        // The micro-frontends the gateway serves, built before it starts (a no-op while nothing changed), so F5 alone
        // gives a working shop.
        var frontends = builder.AddExecutable("frontends", "bash", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")),
                "eng/build-frontends.sh")
            .ExcludeFromManifest();

        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WaitForCompletion(frontends)
            .WithReference(redis).WaitFor(redis)
            .WithReference(identity)
            .WithReference(product)
            .WithReference(cart)
            .WithReference(order)
            .WithReference(inventory)
            .WithReference(payment)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithFaultCommands();

        // Tokens name the public origin clients see as their issuer: the gateway's.
        identity.WithEnvironment("Identity__Issuer", gateway.GetEndpoint("http"));

        foreach (var project in new[] { identity, product, cart, inventory, payment, order, gateway }) project.WithRunSettings();
    }

    /// <summary>
    /// Per-run settings for one service, last so they win: <c>--Settings:order:Order__Saga__Timeout=00:00:05</c> on the
    /// command line (or a <c>Settings</c> section in appsettings/user secrets) gives the order service that variable.
    /// </summary>
    private static void WithRunSettings(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var setting in project.ApplicationBuilder.Configuration.GetSection($"Settings:{project.Resource.Name}").GetChildren())
            if (setting.Value is { } value) project.WithEnvironment(setting.Key, value);
    }
}
