using ECommerce.ServiceDefaults.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ECommerce.ServiceDefaults.Resilience;

public static class ResilienceExtensions
{
    /// <summary>
    /// Every HttpClient from the factory, the Aspire ServiceDefaults way: Microsoft.Extensions.Http.Resilience's
    /// standard handler (one pipeline per authority, so one failing host does not open another's breaker) and
    /// Microsoft.Extensions.ServiceDiscovery (<c>http://product</c> → <c>services__product__http__0</c>). Declared
    /// dependencies (<see cref="AddDependency(IServiceCollection, string)"/>) swap the standard handler for their own
    /// pipeline. <see cref="DependencyHandlersFilter"/> adds fault injection and correlation inside resilience.
    /// </summary>
    public static IServiceCollection AddDefaultHttpClientHandlers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ResilienceMetrics>();
        services.TryAddSingleton<DependencyMonitor>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DependencyResilienceOptions>, ConfigureDependencyResilienceOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, DependencyHandlersFilter>());
        services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler()
                .Configure((HttpStandardResilienceOptions standard, IServiceProvider sp) =>
                    StandardPipeline.Apply(sp.GetRequiredService<IOptionsMonitor<DependencyResilienceOptions>>().Get(Options.DefaultName), standard))
                .SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });
        return services;
    }

    /// <summary>Answers rejections by a dependency's pipeline with a 503/504 problem (<see cref="DependencyProblem"/>).</summary>
    public static IApplicationBuilder UseDependencyFailureResponses(this IApplicationBuilder app) =>
        app.UseMiddleware<DependencyFailureMiddleware>();

    /// <summary>
    /// Declares an outbound dependency: a named HttpClient (<paramref name="dependency"/>, base address
    /// <c>http://{dependency}/</c>) with that dependency's own pipeline, and a <c>breaker:{dependency}</c> entry in
    /// /health. Use <see cref="ResourceNames"/>: <c>services.AddDependency(ResourceNames.Payment)</c>, then
    /// <c>factory.CreateClient(ResourceNames.Payment)</c>.
    /// </summary>
    public static IHttpClientBuilder AddDependency(this IServiceCollection services, string dependency) =>
        services.AddHttpClient(dependency, c => c.BaseAddress = new Uri($"http://{dependency}/")).AddDependencyResilience();

    /// <summary>The typed-client form of <see cref="AddDependency(IServiceCollection, string)"/>.</summary>
    public static IHttpClientBuilder AddDependency<TClient, TImplementation>(this IServiceCollection services, string dependency)
        where TClient : class where TImplementation : class, TClient =>
        services.AddHttpClient<TClient, TImplementation>(dependency, c => c.BaseAddress = new Uri($"http://{dependency}/"))
            .AddDependencyResilience();

    /// <summary>
    /// Gives a client registered with AddHttpClient (its name is the dependency) that dependency's own pipeline
    /// (<see cref="DependencyPipeline"/>: breaker, bulkhead, timeouts and retries from <c>Resilience:Dependencies:&lt;name&gt;</c>)
    /// in place of the standard one, and its <c>breaker:{name}</c> /health entry:
    /// <c>services.AddHttpClient(ProcessorClient.ClientName, ...).AddDependencyResilience()</c>. Idempotent per name.
    /// </summary>
    public static IHttpClientBuilder AddDependencyResilience(this IHttpClientBuilder client)
    {
        var (services, dependency) = (client.Services, client.Name);
        // Declaring a dependency twice (two typed clients for one service) must not add its pipeline or check twice.
        if (services.Any(d => d.ServiceType == typeof(DeclaredDependency) && Equals(d.ImplementationInstance, new DeclaredDependency(dependency))))
            return client;
        services.AddSingleton(new DeclaredDependency(dependency));
#pragma warning disable EXTEXP0001 // the documented way to replace the defaults' standard handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler("dependency", (builder, context) => DependencyPipeline.Build(builder, dependency, context));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            CircuitBreakerHealthCheck.NamePrefix + dependency,
            sp => new CircuitBreakerHealthCheck(sp.GetRequiredService<DependencyMonitor>(), dependency),
            failureStatus: null, tags: ["breaker"]));
        return client;
    }

    private sealed record DeclaredDependency(string Name);
}
