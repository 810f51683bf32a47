using ECommerce.ServiceDefaults.Correlation;
using ECommerce.ServiceDefaults.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ECommerce.ServiceDefaults.Resilience;

public static class ResilienceExtensions
{
    /// <summary>
    /// Every HttpClient from the factory gets, outermost first: its own resilience pipeline
    /// (standing in for Microsoft.Extensions.Http.Resilience, absent offline), correlation id propagation,
    /// and service discovery.
    /// </summary>
    public static IServiceCollection AddDefaultHttpClientHandlers(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.TryAddSingleton<HttpResiliencePipelines>();
        services.AddSingleton<IConfigureOptions<HttpResilienceOptions>, ConfigureHttpResilienceOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, DefaultHandlersFilter>());
        return services;
    }

    private sealed class DefaultHandlersFilter(HttpResiliencePipelines pipelines, ServiceEndpointResolver resolver)
        : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            var name = string.IsNullOrEmpty(builder.Name) ? Options.DefaultName : builder.Name;
            builder.AdditionalHandlers.Insert(0, new ResilienceHandler(pipelines.For(name)));
            builder.AdditionalHandlers.Insert(1, new CorrelationIdHandler());
            builder.AdditionalHandlers.Insert(2, new ServiceDiscoveryHandler(resolver));
        };
    }

    private sealed class ConfigureHttpResilienceOptions(IConfiguration configuration) : IConfigureNamedOptions<HttpResilienceOptions>
    {
        public void Configure(HttpResilienceOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, HttpResilienceOptions options)
        {
            configuration.GetSection("Resilience:Http:Default").Bind(options);
            if (!string.IsNullOrEmpty(name)) configuration.GetSection($"Resilience:Http:{name}").Bind(options);
        }
    }
}
