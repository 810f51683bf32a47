// The system under Aspire: the same resources, references and waits as DevHost/Topology.cs
// (tests/AppHost.Tests holds the two side by side). Services read only ConnectionStrings__<name> and services__<name>__http__0.
var builder = DistributedApplication.CreateBuilder(args);

// Parameters:admin-password in appsettings.json (Admin123!, as under DevHost); override it with user secrets.
var adminPassword = builder.AddParameter("admin-password", secret: true);

var postgres = builder.AddPostgres("postgres")
    .WithDataVolume()
    .WithLifetime(ContainerLifetime.Persistent);
var productDb = postgres.AddDatabase("productdb");
var orderDb = postgres.AddDatabase("orderdb");
var inventoryDb = postgres.AddDatabase("inventorydb");
var paymentDb = postgres.AddDatabase("paymentdb");
var identityDb = postgres.AddDatabase("identitydb");

// Plain TCP: the services' RESP client does not speak TLS, which Aspire 13.1 turns on when a developer certificate exists.
#pragma warning disable ASPIRECERTIFICATES001 // experimental in 13.1
var redis = builder.AddRedis("redis")
    .WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
var eventBus = builder.AddRabbitMQ("eventbus")
    .WithManagementPlugin();

var identity = builder.AddProject<Projects.Identity_Api>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__AdminPassword", adminPassword)
    .WithHttpHealthCheck("/health");

var product = builder.AddProject<Projects.Product_Api>("product")
    .WithReference(identity)
    .WithReference(productDb).WaitFor(productDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithHttpHealthCheck("/health");

var cart = builder.AddProject<Projects.Cart_Api>("cart")
    .WithReference(identity)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(product)
    .WithHttpHealthCheck("/health");

var inventory = builder.AddProject<Projects.Inventory_Api>("inventory")
    .WithReference(identity)
    .WithReference(inventoryDb).WaitFor(inventoryDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithHttpHealthCheck("/health");

var payment = builder.AddProject<Projects.Payment_Api>("payment")
    .WithReference(identity)
    .WithReference(paymentDb).WaitFor(paymentDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithHttpHealthCheck("/health");

var order = builder.AddProject<Projects.Order_Api>("order")
    .WithReference(identity)
    .WithReference(orderDb).WaitFor(orderDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(product)
    .WithReference(inventory)
    .WithReference(payment)
    .WithReference(cart)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(redis).WaitFor(redis)
    .WithReference(identity)
    .WithReference(product)
    .WithReference(cart)
    .WithReference(order)
    .WithReference(inventory)
    .WithReference(payment)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// Tokens name the public origin clients see as their issuer: the gateway's.
identity.WithEnvironment("Identity__Issuer", gateway.GetEndpoint("http"));

builder.Build().Run();
