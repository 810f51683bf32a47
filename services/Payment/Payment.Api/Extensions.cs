using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payment.Api.Handlers;
using ECommerce.Payment.Api.Payments;
using ECommerce.Payment.Api.Processor;
using ECommerce.Postgres;
using ECommerce.ServiceDefaults;
using ECommerce.ServiceDefaults.Authentication;
using ECommerce.ServiceDefaults.Resilience;

namespace ECommerce.Payment.Api;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Behind the gateway and still checking: a token is validated here too, never trusted on the edge's word alone.
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource(ResourceNames.PaymentDb, configureDataSourceBuilder: PostgresExtensions.BoundWaitsAndPool);
        builder.AddSchemaMigrations(typeof(Extensions).Assembly);
        DapperConventions.Register();
        builder.AddMessaging(ResourceNames.EventBus, messaging =>
        {
            messaging.ServiceName = ResourceNames.Payment;
            messaging.UseOutbox(ResourceNames.PaymentDb);
            messaging.Handle<ChargePayment, ChargePaymentHandler>();
            messaging.Handle<RefundPayment, RefundPaymentHandler>();
            messaging.Handle<OrderConfirmed, OrderConfirmedHandler>();
        });

        var services = builder.Services;
        services.AddOptions<ProcessorOptions>().Bind(builder.Configuration.GetSection(ProcessorOptions.SectionName))
            .Validate(o => o.SlowDelay >= TimeSpan.Zero && o.FlakyFailures >= 0, "Payment:Processor:SlowDelay and FlakyFailures must not be negative.")
            .Validate(o => string.IsNullOrEmpty(o.BaseAddress) || Uri.TryCreate(o.BaseAddress, UriKind.Absolute, out _),
                "Payment:Processor:BaseAddress must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<ProcessorAddress>();
        services.AddHttpClient(ProcessorClient.ClientName, (sp, http) => http.BaseAddress = sp.GetRequiredService<ProcessorAddress>().Resolve())
            .AddDependencyResilience();
        services.AddSingleton<ProcessorClient>();
        services.AddSingleton<ProcessorLedger>();
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<PaymentWorkflow>();
    }

    public static WebApplication MapPaymentApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGroup("/api/payments").WithTags("Payments").MapPaymentsEndpoints();
        app.MapProcessorEndpoints();
        return app;
    }
}
