using System.Diagnostics.Metrics;
using ECommerce.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;

namespace ECommerce.ServiceDefaults.Faults;

/// <summary>
/// This process's fault plan. With no plan the hot path is one volatile read of null: injection costs nothing
/// until an admin sets a plan. Plans are per process: a scenario sets it on every instance it wants faulted.
/// </summary>
public sealed class FaultInjector : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Meter _meter = Instrumentation.CreateMeter("Faults");
    private readonly Counter<long> _injected;
    private volatile FaultPlan? _plan;

    public FaultInjector(TimeProvider time)
    {
        _time = time;
        _injected = _meter.CreateCounter<long>("ecommerce.faults.injected", description: "Calls a fault plan delayed, failed or aborted");
    }

    public bool IsActive => _plan is not null;

    /// <summary>The plan in force, without rules that have expired.</summary>
    public FaultPlan Current
    {
        get
        {
            var plan = _plan;
            if (plan is null) return FaultPlan.None;
            var now = _time.GetUtcNow();
            return new FaultPlan
            {
                Inbound = plan.Inbound.Where(r => Live(r, now)).ToList(),
                Outbound = plan.Outbound.Where(r => Live(r, now)).ToList(),
            };
        }
    }

    /// <summary>Replaces the whole plan (validate it first with <see cref="FaultPlanValidator"/>).</summary>
    public FaultPlan Set(FaultPlan plan)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? Expiry(FaultEffect e) => e.DurationSeconds is { } s ? now.AddSeconds(s) : null;
        var stamped = new FaultPlan
        {
            // Longest prefix first, so the most specific rule for a path wins.
            Inbound = plan.Inbound.Select(r => r with { ExpiresAt = Expiry(r) })
                .OrderByDescending(r => r.RoutePrefix.Length).ToList(),
            Outbound = plan.Outbound.Select(r => r with { ExpiresAt = Expiry(r) }).ToList(),
        };
        _plan = stamped.IsEmpty ? null : stamped;
        return stamped;
    }

    public void Clear() => _plan = null;

    public InboundFault? ForInbound(PathString path)
    {
        var plan = _plan;
        if (plan is null) return null;
        var now = _time.GetUtcNow();
        foreach (var rule in plan.Inbound)
            if (Live(rule, now) && path.StartsWithSegments(rule.RoutePrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                return rule;
        ExpireIfOver(plan, now);
        return null;
    }

    public OutboundFault? ForOutbound(string dependency)
    {
        var plan = _plan;
        if (plan is null) return null;
        var now = _time.GetUtcNow();
        OutboundFault? wildcard = null;
        foreach (var rule in plan.Outbound)
        {
            if (!Live(rule, now)) continue;
            if (string.Equals(rule.Dependency, dependency, StringComparison.OrdinalIgnoreCase)) return rule;
            if (rule.Dependency == "*") wildcard = rule;
        }
        if (wildcard is null) ExpireIfOver(plan, now);
        return wildcard;
    }

    internal void Count(string direction, string target, FaultDecision decision)
    {
        var kind = decision.Outcome == FaultOutcome.PassThrough ? "latency" : decision.Outcome.ToString().ToLowerInvariant();
        _injected.Add(1, new("direction", direction), new("target", target), new("kind", kind));
    }

    private static bool Live(FaultEffect rule, DateTimeOffset now) => rule.ExpiresAt is not { } at || at > now;

    /// <summary>Once every rule has expired the plan is dropped, so the hot path is free again.</summary>
    private void ExpireIfOver(FaultPlan plan, DateTimeOffset now)
    {
        if (plan.Inbound.All(r => !Live(r, now)) && plan.Outbound.All(r => !Live(r, now)))
            Interlocked.CompareExchange(ref _plan, null, plan);
    }

    public void Dispose() => _meter.Dispose();
}
