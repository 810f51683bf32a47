using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.ServiceDefaults.Faults;

public static class FaultExtensions
{
    public static IServiceCollection AddFaultInjection(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FaultInjector>();
        return services;
    }

    /// <summary>Inbound faults by route prefix; free while no plan is set.</summary>
    public static IApplicationBuilder UseFaultInjection(this IApplicationBuilder app) =>
        app.UseMiddleware<FaultInjectionMiddleware>();
}
