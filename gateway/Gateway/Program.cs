using ECommerce.Gateway;
using ECommerce.Gateway.Aggregation;
using ECommerce.Gateway.ApiExplorer;
using ECommerce.Gateway.Frontends;
using ECommerce.Gateway.Forwarding;
using ECommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayEdge();
app.UseFrontends();
app.MapApiExplorer();
app.MapProductPage();
app.MapGatewayForwarding();
app.MapFrontendFallback();

app.Run();

/// <summary>Entry point, visible to the gateway's tests.</summary>
public partial class Program;
