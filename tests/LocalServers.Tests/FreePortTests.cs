using System.Net;
using System.Net.Sockets;
using ECommerce.TestInfrastructure;

namespace ECommerce.LocalServers.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_bindable_distinct_and_safe_for_rabbitmq()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1024, 45535));
        Assert.DoesNotContain(ports, port => port is >= 35672 and <= 35682);
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
    }

    [Fact]
    public void A_rabbitmq_port_comes_with_a_free_distribution_port()
    {
        var port = FreePort.NextForRabbitMq();

        using var listener = new TcpListener(IPAddress.Loopback, port + 20000);
        listener.Start();
        Assert.InRange(port, 1024, 45535);
    }

    [Fact]
    public void New_names_are_unique_lower_case_identifiers()
    {
        var names = Enumerable.Range(0, 100).Select(_ => TestServers.NewName("Order-History")).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^order_history_[0-9a-f]{12}$", name));
        Assert.Matches("^t1_[0-9a-f]{12}$", TestServers.NewName("1"));
    }
}
