using Microsoft.Extensions.Configuration;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// The first cut's flat keys (<c>Resilience:Http:Default|&lt;client&gt;:MaxRetryAttempts</c>, <c>RetryBaseDelay</c>,
/// <c>Breaker*</c>, timeouts), still honoured so existing settings keep working; new settings use
/// <c>Resilience:Dependencies:&lt;name&gt;</c>.
/// </summary>
internal sealed class LegacyHttpResilienceSettings
{
    public const string Section = "Resilience:Http";

    public TimeSpan? TotalTimeout { get; set; }
    public TimeSpan? AttemptTimeout { get; set; }
    public int? MaxRetryAttempts { get; set; }
    public TimeSpan? RetryBaseDelay { get; set; }
    public double? BreakerFailureRatio { get; set; }
    public int? BreakerMinimumThroughput { get; set; }
    public TimeSpan? BreakerSamplingDuration { get; set; }
    public TimeSpan? BreakerBreakDuration { get; set; }

    public static void Apply(IConfigurationSection section, DependencyResilienceOptions o)
    {
        if (!section.Exists()) return;
        var legacy = section.Get<LegacyHttpResilienceSettings>() ?? new();
        o.TotalTimeout = legacy.TotalTimeout ?? o.TotalTimeout;
        o.AttemptTimeout = legacy.AttemptTimeout ?? o.AttemptTimeout;
        o.Retry.MaxAttempts = legacy.MaxRetryAttempts ?? o.Retry.MaxAttempts;
        o.Retry.BaseDelay = legacy.RetryBaseDelay ?? o.Retry.BaseDelay;
        o.Breaker.FailureRatio = legacy.BreakerFailureRatio ?? o.Breaker.FailureRatio;
        o.Breaker.MinimumThroughput = legacy.BreakerMinimumThroughput ?? o.Breaker.MinimumThroughput;
        o.Breaker.SamplingDuration = legacy.BreakerSamplingDuration ?? o.Breaker.SamplingDuration;
        o.Breaker.BreakDuration = legacy.BreakerBreakDuration ?? o.Breaker.BreakDuration;
    }
}
