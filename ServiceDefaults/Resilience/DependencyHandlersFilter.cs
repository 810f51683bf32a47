using ECommerce.ServiceDefaults.Correlation;
using ECommerce.ServiceDefaults.Faults;
using Microsoft.Extensions.Http;
using Polly;
using HttpResilienceHandler = Microsoft.Extensions.Http.Resilience.ResilienceHandler;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Places our handlers around the libraries' in every HttpClient the factory builds, by client name (the dependency).
/// Outermost first: <see cref="DependencyTagHandler"/>, the resilience handler (standard or the dependency's own),
/// outbound fault injection (inside resilience, so retries, timeouts and the breaker meet injected faults as real
/// ones), correlation id, then the rest (service discovery innermost, so each attempt resolves an instance anew).
/// A client that swaps the standard handler for its own gets it appended after discovery; moving it back out is
/// why this is a filter rather than three more <c>AddHttpMessageHandler</c> calls.
/// </summary>
internal sealed class DependencyHandlersFilter(FaultInjector faults) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var dependency = string.IsNullOrEmpty(builder.Name) ? "default" : builder.Name;
        var handlers = builder.AdditionalHandlers;
        var resilience = handlers.Where(h => h is HttpResilienceHandler).ToList();
        var rest = handlers.Where(h => h is not HttpResilienceHandler).ToList();
        handlers.Clear();
        handlers.Add(new DependencyTagHandler(dependency));
        foreach (var h in resilience) handlers.Add(h);
        handlers.Add(new FaultInjectionHandler(faults, dependency));
        handlers.Add(new CorrelationIdHandler());
        foreach (var h in rest) handlers.Add(h);
    };
}
