namespace ECommerce.DevHost;

/// <summary>
/// The ports one resource listens on. RabbitMQ needs three of its own plus the Erlang distribution port,
/// which it derives as AMQP + 20000.
/// </summary>
public sealed record ResourcePorts(int Main, int? Management = null, int? Epmd = null)
{
    public int? Distribution => Epmd is null ? null : Main + 20000;

    public IEnumerable<int> All()
    {
        yield return Main;
        if (Management is { } management) yield return management;
        if (Epmd is { } epmd) yield return epmd;
        if (Distribution is { } distribution) yield return distribution;
    }
}
