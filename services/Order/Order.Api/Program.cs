using ECommerce.Order.Api;
using ECommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseOrderEdge();
app.MapOrdersApi();

app.Run();

/// <summary>Entry point, visible to the service's tests.</summary>
public partial class Program;
