using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ECommerce.TestInfrastructure;

/// <summary>
/// Servers started by the AppHost itself (<c>--topology servers --only ...</c>, local processes on free ports, state
/// in a folder of this test run): the same resource types <c>dotnet run --project AppHost</c> starts, run by DCP. Its
/// handles stop, start and restart a server through Aspire's own resource commands, and kill or pause it by
/// signalling the process DCP reports. Disposing stops DCP and everything it started.
/// </summary>
public sealed class ServerSystem : IAsyncDisposable
{
    public const string PostgresName = "postgres";
    public const string RedisName = "redis";
    public const string BrokerName = "eventbus";
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim Building = new(1, 1);
    private readonly DistributedApplication _app;
    private int _disposed;

    private ServerSystem(DistributedApplication app, string state)
    {
        _app = app;
        State = state;
    }

    /// <summary>The folder the servers keep their state in.</summary>
    public string State { get; }

    public PostgresServer Postgres => new(this, PostgresName);

    public RedisServer Redis => new(this, RedisName);

    public RabbitMqServer Broker => new(this, BrokerName);

    internal DistributedApplication App => _app;

    /// <summary>
    /// Starts <paramref name="servers"/> (of postgres, redis, eventbus) and waits until each is healthy. A start that
    /// fails (a port taken between its choice and the server's bind) is retried on other ports.
    /// </summary>
    public static async Task<ServerSystem> StartAsync(params string[] servers)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = TestRun.Current.NewServerDirectory("servers");
            ServerSystem? system = null;
            try
            {
                using var timeout = new CancellationTokenSource(StartTimeout);
                system = await BuildAsync(servers, state, timeout.Token);
                TestRun.Current.Track(system);
                await system._app.StartAsync(timeout.Token);
                await Task.WhenAll(servers.Select(s =>
                    system._app.ResourceNotifications.WaitForResourceHealthyAsync(s, WaitBehavior.StopOnResourceUnavailable, timeout.Token)));
                return system;
            }
            catch (Exception e) when (attempt < StartAttempts && e is not ArgumentException)
            {
                if (system is not null) await system.DisposeAsync();
            }
            catch (Exception e)
            {
                if (system is not null) await system.DisposeAsync();
                throw new InvalidOperationException($"The AppHost did not bring {string.Join(", ", servers)} to healthy " +
                    $"in {StartAttempts} attempts (state under {state}).", e);
            }
        }
    }

    private static async Task<ServerSystem> BuildAsync(string[] servers, string state, CancellationToken ct)
    {
        // The AppHost picks free ports at build time from a list of its own: one build at a time in this process.
        await Building.WaitAsync(ct);
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                ["--topology", "servers", "--only", string.Join(',', servers), "--servers", "local", "--ports", "auto", "--state", state,
                    // The testing builder's placeholder dashboard address (8080) is never bound, so the AppHost's port check must not see it.
                    "--ASPNETCORE_URLS", "http://localhost:0"],
                (options, _) => options.DisableDashboard = true, ct);
            // The servers' own output (ECommerce.AppHost.Resources.*) and DCP's progress stay out of the test log.
            builder.Services.AddLogging(logging => logging
                .AddFilter("ECommerce.AppHost", LogLevel.Warning)
                .AddFilter("Aspire", LogLevel.Warning));
            var app = await builder.BuildAsync(ct);
            return new ServerSystem(app, state);
        }
        finally
        {
            Building.Release();
        }
    }

    /// <summary>The connection string Aspire hands a service that references <paramref name="resource"/>.</summary>
    public async Task<string> ConnectionStringAsync(string resource) =>
        await _app.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string");

    internal async Task<ResourceEvent> CurrentAsync(string resource, CancellationToken ct = default) =>
        await _app.ResourceNotifications.WaitForResourceAsync(resource, _ => true, ct);

    internal async Task ExecuteAsync(string resource, string command, CancellationToken ct)
    {
        var result = await _app.ResourceCommands.ExecuteCommandAsync(Resource(resource), command, ct);
        if (!result.Success) throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
    }

    internal IResource Resource(string name) =>
        _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    internal async Task WaitAsync(string resource, Func<ResourceEvent, bool> until, CancellationToken ct) =>
        await _app.ResourceNotifications.WaitForResourceAsync(resource, until, ct);

    internal static bool IsHealthyRunning(ResourceEvent e) =>
        e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        TestRun.Current.Forget(this);
        try
        {
            await _app.StopAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // it never started, or is stopping already
        }
        await _app.DisposeAsync();
    }
}
