using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Layers a dependency's options, last wins: code defaults, built-in profile, <c>Resilience:Defaults</c>, its own
/// <c>Resilience:Dependencies:&lt;name&gt;</c> (each configuration layer preceded by its legacy <c>Resilience:Http</c> form).
/// </summary>
internal sealed class ConfigureDependencyResilienceOptions(IConfiguration configuration)
    : IConfigureNamedOptions<DependencyResilienceOptions>
{
    public const string DefaultsSection = "Resilience:Defaults";
    public const string DependenciesSection = "Resilience:Dependencies";

    public void Configure(DependencyResilienceOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, DependencyResilienceOptions options)
    {
        if (!string.IsNullOrEmpty(name)) DependencyProfiles.Apply(name, options);
        LegacyHttpResilienceSettings.Apply(configuration.GetSection($"{LegacyHttpResilienceSettings.Section}:Default"), options);
        configuration.GetSection(DefaultsSection).Bind(options);
        if (string.IsNullOrEmpty(name)) return;
        LegacyHttpResilienceSettings.Apply(configuration.GetSection($"{LegacyHttpResilienceSettings.Section}:{name}"), options);
        configuration.GetSection($"{DependenciesSection}:{name}").Bind(options);
    }
}
