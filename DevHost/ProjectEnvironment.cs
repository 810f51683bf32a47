namespace ECommerce.DevHost;

/// <summary>
/// The configuration a project gets, in the keys Aspire passes (the configuration contract both hosts keep),
/// derived from what the topology says it references: nothing here names a particular service.
/// </summary>
public static class ProjectEnvironment
{
    public static IReadOnlyDictionary<string, string> For(
        ProjectResource project, Func<string, RunningResource> resolve, string? otlpEndpoint,
        IReadOnlyList<SettingOverride>? overrides = null)
    {
        var spec = project.Spec;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in spec.References)
        {
            var reference = resolve(name);
            if (reference is ProjectResource service) environment[$"services__{name}__http__0"] = service.Url;
            else environment[$"ConnectionStrings__{name}"] = reference.ConnectionString
                ?? throw new InvalidOperationException($"'{name}' has no connection string for '{spec.Name}'.");
        }
        environment["OTEL_SERVICE_NAME"] = spec.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={spec.Name}-{project.Launches}";
        if (!string.IsNullOrWhiteSpace(otlpEndpoint)) environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        environment["ASPNETCORE_URLS"] = project.Url;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in spec.Environment)
            environment[key] = EndpointReference.TryParse(value, out var endpoint) ? Url(endpoint, resolve) : value;
        // Command-line settings come last: they are the operator's, over everything the topology derives.
        foreach (var setting in overrides ?? [])
            if (string.Equals(setting.Resource, spec.Name, StringComparison.OrdinalIgnoreCase)) environment[setting.Key] = setting.Value;
        return environment;
    }

    private static string Url(EndpointReference endpoint, Func<string, RunningResource> resolve) =>
        resolve(endpoint.Resource) is ProjectResource project && endpoint.Endpoint == "http"
            ? project.Url
            : throw new InvalidOperationException($"'{endpoint.Expression}' does not name a project's http endpoint.");
}
