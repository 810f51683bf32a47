using ECommerce.LocalServers;

namespace ECommerce.DevHost;

/// <summary>PostgreSQL, Redis or RabbitMQ run from the local install by ECommerce.LocalServers.</summary>
public sealed class ServerResource : RunningResource
{
    public ServerResource(ResourceSpec spec, ILocalServer server, ResourcePorts ports, ResourceLog log) : base(spec, log)
    {
        Server = server;
        ServerPorts = ports;
    }

    public ILocalServer Server { get; }
    public ResourcePorts ServerPorts { get; }

    public override int? Pid => State is ResourceState.Stopped or ResourceState.Exited or ResourceState.Waiting ? null : Server.ProcessId;

    public override IReadOnlyList<int> Ports => ServerPorts.All().ToArray();

    public override string? Url => Server switch
    {
        RabbitMqServer rabbit => rabbit.ManagementUrl,
        PostgresServer => $"postgresql://127.0.0.1:{ServerPorts.Main}",
        _ => $"redis://127.0.0.1:{ServerPorts.Main}",
    };

    public override string? ConnectionString => Server switch
    {
        PostgresServer postgres => postgres.GetConnectionString("postgres"),
        RedisServer redis => redis.ConnectionString,
        RabbitMqServer rabbit => rabbit.AmqpUri,
        _ => null,
    };

    public override void CheckAlive()
    {
        if (State != ResourceState.Healthy || Server.ProcessId is not { } pid || Signals.IsAlive(pid)) return;
        Log.Note($"process {pid} is gone");
        SetState(ResourceState.Exited);
    }

    protected override async Task OnStartAsync(CancellationToken ct)
    {
        SetState(ResourceState.Starting);
        ExitCode = null;
        await Server.StartAsync(ct);
        Log.Note($"ready, pid {Server.ProcessId}, data in {Server.StateDirectory}");
        SetState(ResourceState.Healthy);
    }

    protected override async Task OnStopAsync(CancellationToken ct)
    {
        // A stopped (SIGSTOP) server cannot act on a shutdown request.
        if (State == ResourceState.Paused) await Server.ResumeAsync(ct);
        SetState(ResourceState.Stopping);
        await Server.StopAsync(ct);
        SetState(ResourceState.Stopped);
    }

    protected override async Task OnKillAsync(CancellationToken ct)
    {
        await Server.KillAsync(ct);
        SetState(ResourceState.Exited);
    }

    protected override async Task OnPauseAsync(CancellationToken ct)
    {
        RequireRunning("pause");
        await Server.PauseAsync(ct);
        SetState(ResourceState.Paused);
    }

    protected override async Task OnResumeAsync(CancellationToken ct)
    {
        if (State != ResourceState.Paused) return;
        await Server.ResumeAsync(ct);
        SetState(ResourceState.Healthy);
    }

    private void RequireRunning(string verb)
    {
        if (State is not (ResourceState.Healthy or ResourceState.Paused))
            throw ResourceOperationException.NotSupported($"Cannot {verb} '{Name}': it is {State}.");
    }
}
