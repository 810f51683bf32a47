using ECommerce.TestInfrastructure;
using Xunit.Abstractions;

namespace ECommerce.LocalServers.Tests;

public sealed class RedisServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Answers_ping_and_closes_its_port_on_stop()
    {
        RedisServer? server = null;
        var started = await Probe.TimeAsync(async () => server = await TestServers.StartDedicatedRedisAsync());
        await using var _ = server!;
        Assert.Equal("+PONG\r\n", await Probe.RedisAsync(server!.Port, "PING"));
        Assert.Equal($"127.0.0.1:{server.Port}", server.ConnectionString);
        Assert.NotNull(server.ProcessId);

        var stopped = await Probe.TimeAsync(() => server.StopAsync());
        await Probe.AssertClosedAsync(server.Port);
        Assert.False(await server.IsReadyAsync());
        output.WriteLine($"start {started.TotalSeconds:0.00} s, stop {stopped.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Keys_survive_a_stop_and_a_start()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();
        Assert.Equal("+OK\r\n", await Probe.RedisAsync(server.Port, "SET greeting hello"));

        await server.StopAsync();
        await server.StartAsync();

        Assert.Equal("$5\r\nhello\r\n", await Probe.RedisAsync(server.Port, "GET greeting"));
    }

    [Fact]
    public async Task A_password_protected_server_is_ready_only_with_its_password()
    {
        var dir = TestServers.NewStateDirectory("redis");
        await using var server = new RedisServer(new RedisOptions(dir, FreePort.Next(), Password: "s3cret") { DeleteStateOnDispose = true });
        await server.StartAsync();

        Assert.Equal($"127.0.0.1:{server.Port},password=s3cret", server.ConnectionString);
        Assert.StartsWith("-NOAUTH", await Probe.RedisAsync(server.Port, "GET anything"));
    }

    [Fact]
    public async Task Kill_pause_and_resume_act_on_the_server_process()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();

        await server.PauseAsync();
        Assert.False(await server.IsReadyAsync());
        await server.ResumeAsync();
        Assert.True(await server.IsReadyAsync());

        await server.KillAsync();
        await Probe.AssertClosedAsync(server.Port);
        await server.StartAsync();
        Assert.True(await server.IsReadyAsync());
    }

    [Fact]
    public async Task Orphaned_servers_are_killed_from_their_pid_files()
    {
        await using var server = await TestServers.StartDedicatedRedisAsync();

        await OrphanedServers.KillAsync(server.StateDirectory);

        await Probe.AssertClosedAsync(server.Port);
    }
}
