using Yarp.ReverseProxy.Configuration;

// YARP as its README shows it, one catch-all route to one destination (BareYarp__Destination), nothing else:
// no auth, no limits, no telemetry. What the gateway costs on top of YARP is measured against this.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var destination = builder.Configuration["BareYarp:Destination"] ?? throw new InvalidOperationException("Set BareYarp__Destination.");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "/{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = destination } } }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
