namespace ECommerce.Gateway.Proxy;

/// <summary>The load-balancing policies of YARP's vocabulary; each picks one of the available destinations.</summary>
public static class LoadBalancing
{
    public const string RoundRobin = "RoundRobin";
    public const string LeastRequests = "LeastRequests";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";

    public static Destination Pick(string? policy, IReadOnlyList<Destination> available, ref int turn) => policy switch
    {
        null or "" or RoundRobin => available[(int)((uint)Interlocked.Increment(ref turn) % available.Count)],
        LeastRequests => available.MinBy(d => d.ActiveRequests)!,
        PowerOfTwoChoices => TwoChoices(available),
        _ => throw new InvalidOperationException($"Unknown load-balancing policy '{policy}'."),
    };

    /// <summary>Two at random, the less busy of them: near least-requests without scanning every destination.</summary>
    private static Destination TwoChoices(IReadOnlyList<Destination> available)
    {
        if (available.Count == 1) return available[0];
        var first = Random.Shared.Next(available.Count);
        var second = (first + 1 + Random.Shared.Next(available.Count - 1)) % available.Count;
        return available[first].ActiveRequests <= available[second].ActiveRequests ? available[first] : available[second];
    }
}
