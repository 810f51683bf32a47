using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Layers a dependency's options: code defaults, built-in profile, <c>Resilience:Defaults</c>, its own section.</summary>
internal sealed class ConfigureDependencyResilienceOptions(IConfiguration configuration)
    : IConfigureNamedOptions<DependencyResilienceOptions>
{
    public const string DefaultsSection = "Resilience:Defaults";
    public const string DependenciesSection = "Resilience:Dependencies";

    public void Configure(DependencyResilienceOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, DependencyResilienceOptions options)
    {
        if (!string.IsNullOrEmpty(name)) DependencyProfiles.Apply(name, options);
        configuration.GetSection(DefaultsSection).Bind(options);
        if (!string.IsNullOrEmpty(name)) configuration.GetSection($"{DependenciesSection}:{name}").Bind(options);
    }
}
