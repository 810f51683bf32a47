using ECommerce.TestInfrastructure;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ECommerce.LocalServers.Tests;

public sealed class RabbitMqServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Accepts_its_user_and_keeps_persistent_messages_across_a_stop_and_a_start()
    {
        RabbitMqServer? server = null;
        var started = await Probe.TimeAsync(async () => server = await TestServers.StartDedicatedRabbitMqAsync());
        await using var _ = server!;
        var (options, queue) = (Options(server!), TestServers.NewName("orders"));
        await using (var connection = await ConnectAsync(server!))
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", queue, mandatory: false, new BasicProperties { Persistent = true }, "kept"u8.ToArray());
        }

        var stopped = await Probe.TimeAsync(() => server!.StopAsync());
        await Probe.AssertClosedAsync(server!.Port, options.ManagementPort, options.DistributionPort, options.EpmdPort);

        var restarted = await Probe.TimeAsync(() => server.StartAsync());
        await using (var connection = await ConnectAsync(server))
        await using (var channel = await connection.CreateChannelAsync())
        {
            Assert.Equal(1u, await channel.MessageCountAsync(queue));
        }
        output.WriteLine($"start {started.TotalSeconds:0.00} s, stop {stopped.TotalSeconds:0.00} s, restart {restarted.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Two_brokers_run_side_by_side_and_a_kill_leaves_nothing_listening()
    {
        var starting = new[] { TestServers.StartDedicatedRabbitMqAsync(), TestServers.StartDedicatedRabbitMqAsync() };
        var both = await Probe.TimeAsync(() => Task.WhenAll(starting));
        var (first, second) = (await starting[0], await starting[1]);
        await using var _ = first;
        await using var __ = second;
        Assert.NotEqual(first.Port, second.Port);
        Assert.True(await first.IsReadyAsync() && await second.IsReadyAsync());

        await first.StartAsync(); // already running: a no-op
        Assert.True(await first.IsReadyAsync());

        var killed = await Probe.TimeAsync(() => first.KillAsync());
        var o = Options(first);
        await Probe.AssertClosedAsync(o.Port, o.ManagementPort, o.DistributionPort, o.EpmdPort);
        Assert.True(await second.IsReadyAsync());

        await OrphanedServers.KillAsync(second.StateDirectory);
        var p = Options(second);
        await Probe.AssertClosedAsync(p.Port, p.ManagementPort, p.DistributionPort, p.EpmdPort);
        output.WriteLine($"two at once {both.TotalSeconds:0.00} s, kill {killed.TotalSeconds:0.00} s");
    }

    private static async Task<IConnection> ConnectAsync(RabbitMqServer server) =>
        await new ConnectionFactory { Uri = new Uri(server.AmqpUri) }.CreateConnectionAsync();

    private static RabbitMqOptions Options(RabbitMqServer server) => server.Options;
}
