using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AppHost;

/// <summary>
/// Dashboard commands that inject and clear the runtime faults every service supports (ServiceDefaults'
/// <c>PUT/DELETE /admin/faults</c>, as the admin), next to Aspire's own Stop/Start/Restart. They are resource commands,
/// so tests and ./chaos.sh run the same ones through <c>ResourceCommandService</c>.
/// </summary>
public static class FaultCommands
{
    public const string AdminEmail = "admin@shop.local";
    public const string Latency = "fault-latency";
    public const string Errors = "fault-errors";
    public const string DependenciesDown = "fault-dependencies-down";
    public const string Clear = "fault-clear";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    public static IResourceBuilder<ProjectResource> WithFaultCommands(this IResourceBuilder<ProjectResource> service)
    {
        // The payment service's one outbound dependency that matters is the (simulated) card processor.
        var (dependency, downLabel) = service.Resource.Name == "payment"
            ? ("processor", "Payment processor down")
            : ("*", "Dependencies down (outbound calls fail)");
        Add(service, Latency, "Slow responses (+2 s)", "Clock", new { inbound = new[] { new { routePrefix = "/api", latencyMs = 2000, jitterMs = 500 } } });
        Add(service, Errors, "Fail half the requests (503)", "ErrorCircle", new { inbound = new[] { new { routePrefix = "/api", errorRate = 0.5, errorStatus = 503 } } });
        Add(service, DependenciesDown, downLabel, "PlugDisconnected", new { outbound = new[] { new { dependency, errorRate = 1.0, errorStatus = 503 } } });
        Add(service, Clear, "Clear faults", "CheckmarkCircle", plan: null);
        return service;
    }

    private static void Add(IResourceBuilder<ProjectResource> service, string name, string label, string icon, object? plan) =>
        service.WithCommand(name, label,
            context => SendAsync(service.Resource, plan, context),
            new CommandOptions
            {
                IconName = icon,
                Description = plan is null ? "Remove every fault plan from this service" : $"Fault plan: {JsonSerializer.Serialize(plan)}",
                UpdateState = context => context.ResourceSnapshot.HealthStatus is null
                    ? ResourceCommandState.Disabled
                    : ResourceCommandState.Enabled,
            });

    private static async Task<ExecuteCommandResult> SendAsync(ProjectResource service, object? plan, ExecuteCommandContext context)
    {
        try
        {
            var model = context.Services.GetRequiredService<DistributedApplicationModel>();
            var token = await AdminTokenAsync(model, context.CancellationToken);
            var url = new Uri(new Uri(service.GetEndpoint("http").Url), "/admin/faults");
            using var request = new HttpRequestMessage(plan is null ? HttpMethod.Delete : HttpMethod.Put, url)
            {
                Content = plan is null ? null : JsonContent.Create(plan),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await Http.SendAsync(request, context.CancellationToken);
            return answer.IsSuccessStatusCode
                ? CommandResults.Success()
                : CommandResults.Failure($"{(int)answer.StatusCode} from {url}: {await answer.Content.ReadAsStringAsync(context.CancellationToken)}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return CommandResults.Failure(e.Message);
        }
    }

    private static async Task<string> AdminTokenAsync(DistributedApplicationModel model, CancellationToken ct)
    {
        var identity = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "identity");
        var password = await model.Resources.OfType<ParameterResource>().Single(p => p.Name == "admin-password").GetValueAsync(ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = AdminEmail, ["password"] = password ?? "",
        });
        using var answer = await Http.PostAsync(new Uri(new Uri(identity.GetEndpoint("http").Url), "/api/auth/token"), form, ct);
        answer.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
