namespace ECommerce.Chaos;

/// <summary>
/// Sets and removes a service's fault plan (ServiceDefaults' <c>PUT/DELETE /admin/faults</c>, admin token) on the
/// service's own URL: plans are per process, so they are not sent through the gateway.
/// </summary>
public static class FaultPlans
{
    public static async Task PutAsync(ChaosRun run, string service, object plan, CancellationToken ct)
    {
        var url = ServiceUrl(run, service);
        var answer = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Put, new Uri(url, "/admin/faults"),
            run.AdminToken, plan, ct: ct), TimeSpan.FromSeconds(20), ct);
        if (!answer.Ok)
            throw new ChaosException($"Setting the fault plan on {service} ({url}) failed: {answer.Outcome} {answer.Body}");
        run.Note($"fault plan on {service}: {answer.Body.ReplaceLineEndings(" ")}");
    }

    public static async Task DeleteAsync(ChaosRun run, string service, CancellationToken ct)
    {
        var url = ServiceUrl(run, service);
        var answer = await run.Api.PatientlyAsync(() => run.Api.SendAsync(HttpMethod.Delete, new Uri(url, "/admin/faults"),
            run.AdminToken, ct: ct), TimeSpan.FromSeconds(60), ct);
        if (!answer.Ok) throw new ChaosException($"Removing the fault plan on {service} failed: {answer.Outcome} {answer.Body}");
    }

    public static Uri ServiceUrl(ChaosRun run, string service) => run.ServiceUrl(service)
        ?? throw new ChaosException($"This scenario sets a fault plan on {service}, whose own URL is unknown: let ./chaos.sh "
            + $"start the system (no --gateway), or pass --service {service}=http://host:port.");
}
