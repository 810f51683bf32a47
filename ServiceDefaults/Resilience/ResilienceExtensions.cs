using ECommerce.ServiceDefaults.Correlation;
using ECommerce.ServiceDefaults.Discovery;
using ECommerce.ServiceDefaults.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace ECommerce.ServiceDefaults.Resilience;

public static class ResilienceExtensions
{
    /// <summary>
    /// Every HttpClient from the factory gets, outermost first: the resilience pipeline of its dependency (its client
    /// name; standing in for Microsoft.Extensions.Http.Resilience, absent offline), outbound fault injection,
    /// correlation id propagation, and service discovery.
    /// </summary>
    public static IServiceCollection AddDefaultHttpClientHandlers(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ResilienceMetrics>();
        services.TryAddSingleton<HttpResiliencePipelines>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DependencyResilienceOptions>, ConfigureDependencyResilienceOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, DefaultHandlersFilter>());
        return services;
    }

    /// <summary>Answers rejections by a dependency's pipeline with a 503/504 problem (<see cref="DependencyProblem"/>).</summary>
    public static IApplicationBuilder UseDependencyFailureResponses(this IApplicationBuilder app) =>
        app.UseMiddleware<DependencyFailureMiddleware>();

    /// <summary>
    /// Declares an outbound dependency: a named HttpClient (<paramref name="dependency"/>, base address
    /// <c>http://{dependency}/</c>) with that dependency's pipeline, and a <c>breaker:{dependency}</c> entry in /health.
    /// Use <see cref="ResourceNames"/>: <c>services.AddDependency(ResourceNames.Payment)</c>, then
    /// <c>factory.CreateClient(ResourceNames.Payment)</c>.
    /// </summary>
    public static IHttpClientBuilder AddDependency(this IServiceCollection services, string dependency) =>
        services.AddHttpClient(dependency, c => c.BaseAddress = new Uri($"http://{dependency}/")).AddBreakerHealthCheck();

    /// <summary>The typed-client form of <see cref="AddDependency(IServiceCollection, string)"/>.</summary>
    public static IHttpClientBuilder AddDependency<TClient, TImplementation>(this IServiceCollection services, string dependency)
        where TClient : class where TImplementation : class, TClient =>
        services.AddHttpClient<TClient, TImplementation>(dependency, c => c.BaseAddress = new Uri($"http://{dependency}/"))
            .AddBreakerHealthCheck();

    /// <summary>
    /// Adds the <c>breaker:{name}</c> /health entry for a client registered with AddHttpClient (its name is the
    /// dependency): <c>services.AddHttpClient(ProcessorClient.ClientName, ...).AddBreakerHealthCheck()</c>.
    /// </summary>
    public static IHttpClientBuilder AddBreakerHealthCheck(this IHttpClientBuilder client)
    {
        var (services, dependency) = (client.Services, client.Name);
        // Declaring a dependency twice (two typed clients for one service) must not register its check twice.
        if (services.Any(d => d.ServiceType == typeof(DeclaredDependency) && Equals(d.ImplementationInstance, new DeclaredDependency(dependency))))
            return client;
        services.AddSingleton(new DeclaredDependency(dependency));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            CircuitBreakerHealthCheck.NamePrefix + dependency,
            sp => new CircuitBreakerHealthCheck(sp.GetRequiredService<HttpResiliencePipelines>(), dependency),
            failureStatus: null, tags: ["breaker"]));
        return client;
    }

    private sealed record DeclaredDependency(string Name);

    private sealed class DefaultHandlersFilter(HttpResiliencePipelines pipelines, FaultInjector faults, ServiceEndpointResolver resolver)
        : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            var dependency = string.IsNullOrEmpty(builder.Name) ? "default" : builder.Name;
            builder.AdditionalHandlers.Insert(0, new ResilienceHandler(pipelines, dependency));
            builder.AdditionalHandlers.Insert(1, new FaultInjectionHandler(faults, dependency));
            builder.AdditionalHandlers.Insert(2, new CorrelationIdHandler());
            builder.AdditionalHandlers.Insert(3, new ServiceDiscoveryHandler(resolver));
        };
    }
}
