using ECommerce.LocalServers;

namespace ECommerce.DevHost;

/// <summary>A database inside a PostgreSQL server: created on start, then as up or down as its server.</summary>
public sealed class DatabaseResource(ResourceSpec spec, ServerResource server, ResourceLog log) : RunningResource(spec, log)
{
    private bool _created;

    public ServerResource Server { get; } = server;

    public override ResourceState State => _created ? Server.State : base.State;
    public override int? Pid => _created ? Server.Pid : null;
    public override IReadOnlyList<int> Ports => [];
    public override string? Url => $"{Server.Url}/{Name}";
    public override string? ConnectionString => Postgres.GetConnectionString(Name);

    private PostgresServer Postgres => (PostgresServer)Server.Server;

    protected override async Task OnStartAsync(CancellationToken ct)
    {
        if (_created && Server.State != ResourceState.Healthy)
            throw ResourceOperationException.NotSupported($"'{Name}' lives in '{Server.Name}': start '{Server.Name}'.");
        SetState(ResourceState.Starting);
        await Postgres.EnsureDatabaseAsync(Name, ct);
        SetState(ResourceState.Healthy);
        _created = true;
        RaiseChanged();
    }

    protected override Task OnStopAsync(CancellationToken ct) => throw NotOnItsOwn("stop");
    protected override Task OnKillAsync(CancellationToken ct) => throw NotOnItsOwn("kill");
    protected override Task OnPauseAsync(CancellationToken ct) => throw NotOnItsOwn("pause");
    protected override Task OnResumeAsync(CancellationToken ct) => throw NotOnItsOwn("resume");

    private ResourceOperationException NotOnItsOwn(string verb) =>
        ResourceOperationException.NotSupported($"'{Name}' is a database inside '{Server.Name}': {verb} '{Server.Name}' instead.");
}
