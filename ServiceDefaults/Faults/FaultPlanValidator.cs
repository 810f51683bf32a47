namespace ECommerce.ServiceDefaults.Faults;

/// <summary>Checks a plan before it is applied; the errors become a 400 validation problem.</summary>
public static class FaultPlanValidator
{
    public const int MaxLatencyMs = 120_000;
    public const int MaxDurationSeconds = 86_400;

    public static Dictionary<string, string[]> Validate(FaultPlan plan)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < plan.Inbound.Count; i++)
        {
            var rule = plan.Inbound[i];
            if (!rule.RoutePrefix.StartsWith('/'))
                errors[$"inbound[{i}].routePrefix"] = ["must start with '/' (e.g. /api/orders)"];
            Effect(rule, $"inbound[{i}]", errors);
        }
        for (var i = 0; i < plan.Outbound.Count; i++)
        {
            var rule = plan.Outbound[i];
            if (string.IsNullOrWhiteSpace(rule.Dependency))
                errors[$"outbound[{i}].dependency"] = ["required: the dependency's client name (e.g. payment) or *"];
            Effect(rule, $"outbound[{i}]", errors);
        }
        if (plan.Inbound.GroupBy(r => r.RoutePrefix, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            errors["inbound"] = ["each routePrefix at most once"];
        if (plan.Outbound.GroupBy(r => r.Dependency, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            errors["outbound"] = ["each dependency at most once"];
        return errors;
    }

    private static void Effect(FaultEffect e, string at, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string message) => errors[$"{at}.{field}"] = [message];

        if (e.LatencyMs is < 0 or > MaxLatencyMs) Fail("latencyMs", $"between 0 and {MaxLatencyMs}");
        if (e.JitterMs is < 0 or > MaxLatencyMs) Fail("jitterMs", $"between 0 and {MaxLatencyMs}");
        if (e.ErrorRate is < 0 or > 1 || double.IsNaN(e.ErrorRate)) Fail("errorRate", "between 0 and 1");
        if (e.AbortRate is < 0 or > 1 || double.IsNaN(e.AbortRate)) Fail("abortRate", "between 0 and 1");
        if (e.ErrorRate + e.AbortRate > 1) Fail("errorRate", "errorRate + abortRate must not exceed 1");
        if (e.ErrorStatus is < 400 or > 599) Fail("errorStatus", "an error status between 400 and 599");
        if (e.DurationSeconds is < 1 or > MaxDurationSeconds) Fail("durationSeconds", $"between 1 and {MaxDurationSeconds}, or absent");
        if (e.LatencyMs == 0 && e.JitterMs == 0 && e.ErrorRate == 0 && e.AbortRate == 0)
            Fail("latencyMs", "the fault does nothing: set latencyMs, jitterMs, errorRate or abortRate");
    }
}
