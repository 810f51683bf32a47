using System.Net;
using System.Net.Sockets;
using ECommerce.LocalServers;

namespace ECommerce.DevHost;

/// <summary>Which port each resource gets: fixed defaults a developer can remember, or free ones for tests.</summary>
public sealed class PortPlan
{
    // RabbitMQ: AMQP <= 45535 (its distribution port is AMQP + 20000) and outside 35672-35682, where its CLI tools listen.
    private static readonly Dictionary<string, ResourcePorts> Defaults = new()
    {
        ["gateway"] = new(8080),
        ["identity"] = new(5101),
        ["product"] = new(5102),
        ["cart"] = new(5103),
        ["order"] = new(5104),
        ["inventory"] = new(5105),
        ["payment"] = new(5106),
        ["postgres"] = new(55432),
        ["redis"] = new(56379),
        ["eventbus"] = new(25672, Management: 15673, Epmd: 24369),
    };

    private const int DefaultControlPort = 8089;

    private readonly Dictionary<string, ResourcePorts> _ports;

    private PortPlan(Dictionary<string, ResourcePorts> ports, int controlPort, bool automatic)
    {
        _ports = ports;
        ControlPort = controlPort;
        Automatic = automatic;
    }

    public int ControlPort { get; }
    public bool Automatic { get; }

    public ResourcePorts this[string resource] => _ports[resource];

    public bool TryGet(string resource, out ResourcePorts ports) => _ports.TryGetValue(resource, out ports!);

    public static PortPlan Create(DistributedTopology topology, DevHostOptions options)
    {
        var taken = new HashSet<int>();
        int Free(Func<int> next)
        {
            // FreePort only knows what is free now; two resources must still not get the same one.
            for (var attempt = 0; ; attempt++)
            {
                var port = next();
                if (taken.Add(port) || attempt > 50) return port;
            }
        }

        var ports = new Dictionary<string, ResourcePorts>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in topology.Resources.Where(r => r.IsProject || r.IsServer))
        {
            var needsFree = options.AutoPorts || !Defaults.ContainsKey(resource.Name);
            ports[resource.Name] = resource.Kind switch
            {
                ResourceKind.RabbitMQ when needsFree => new(Free(FreePort.NextForRabbitMq), Free(FreePort.Next), Free(FreePort.Next)),
                _ when needsFree => new(Free(FreePort.Next)),
                _ => Defaults[resource.Name],
            };
        }
        if (options.GatewayPort is { } gatewayPort && ports.ContainsKey("gateway")) ports["gateway"] = new(gatewayPort);
        var control = options.ControlPort ?? (options.AutoPorts ? Free(FreePort.Next) : DefaultControlPort);
        return new PortPlan(ports, control, options.AutoPorts);
    }

    /// <summary>Every port that is already in use, with the resource that wanted it.</summary>
    public IReadOnlyList<string> FindConflicts()
    {
        var wanted = _ports.SelectMany(p => p.Value.All().Select(port => (port, owner: p.Key)))
            .Append((port: ControlPort, owner: "control API"));
        return wanted.Where(w => !IsFree(w.port))
            .Select(w => $"port {w.port} ({w.owner}) is already in use: see `ss -ltnp 'sport = :{w.port}'`")
            .ToList();
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
