namespace ECommerce.Chaos;

/// <summary>Nearest-rank percentiles of a set of samples in milliseconds (null when there are none).</summary>
public sealed record LatencySummary(int Count, double? P50Ms, double? P99Ms)
{
    public static LatencySummary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return new LatencySummary(0, null, null);
        var sorted = samples.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99));
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);

    public override string ToString() => Count == 0 ? "-" : $"{P50Ms:0} / {P99Ms:0} ms (n={Count})";
}
