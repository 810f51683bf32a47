using ECommerce.Payment.Api;
using ECommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPaymentApi();

app.Run();

/// <summary>Entry point, visible to the service's tests.</summary>
public partial class Program;
