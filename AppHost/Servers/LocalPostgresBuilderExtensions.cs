using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ECommerce.AppHost.Servers;

public static class LocalPostgresBuilderExtensions
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// PostgreSQL as a child process on 127.0.0.1, after a one-off <c>initdb</c> step (shown as <c>{name}-init</c>) the
    /// first time. fsync is off: this is a development cluster (<c>./run.sh --fresh</c> throws it away).
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, int port, IResourceBuilder<ParameterResource> password)
    {
        var state = LocalServerState.Folder(builder, name);
        var data = Path.Combine(state, "data");
        port = LocalServerState.Port(builder, port);
        var asPostgres = IsRoot ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
        var init = builder.AddExecutable($"{name}-init", "/bin/sh", state, "-c",
                "set -e; if [ -f \"$PGDATA/PG_VERSION\" ]; then echo 'cluster exists'; exit 0; fi; rm -rf \"$PGDATA\"; " +
                "umask 077; printf '%s' \"$PGPASSWORD\" > .pw; " +
                (IsRoot ? "chown -R postgres:postgres .; " : "") +
                (IsRoot ? $"{asPostgres}test -x \"$PWD\" || {{ echo \"The postgres user cannot reach $PWD: a folder above it " +
                          "lacks o+x. Run with --state <a folder it can reach>, e.g. --state /var/tmp/ecommerce.\" >&2; exit 1; }; " : "") +
                $"{asPostgres}{Binaries}/initdb -D \"$PGDATA\" -U {LocalPostgresResource.UserName} --pwfile=.pw " +
                "--auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync; rm -f .pw")
            .WithEnvironment("PGDATA", data)
            .WithEnvironment("PGPASSWORD", password)
            .ExcludeFromManifest();

        string[] serverArgs = ["-D", data, "-p", $"{port}", "-k", state, "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        var postgres = new LocalPostgresResource(name, IsRoot ? "setpriv" : $"{Binaries}/postgres", state, password.Resource);
        builder.Services.AddHealthChecks().AddAsyncCheck(name, async ct =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync(postgres, ct));
                await connection.OpenAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        return builder.AddResource(postgres)
            .WithArgs(IsRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", $"{Binaries}/postgres", .. serverArgs] : serverArgs)
            .WithEndpoint(name: "tcp", port: port, targetPort: port, isProxied: false)
            .WithHealthCheck(name)
            .WaitForCompletion(init)
            .ExcludeFromManifest();
    }

    /// <summary>A database on the server, created once the server is healthy (what Aspire's AddDatabase does for a container).</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresResource> server, string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, ct) =>
        {
            await using (var connection = new NpgsqlConnection(await AdminConnectionStringAsync(server.Resource, ct)))
            {
                await connection.OpenAsync(ct);
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", database.DatabaseName);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                    await create.ExecuteNonQueryAsync(ct);
                }
            }
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running });
        });
        return builder.AddResource(database)
            .WithParentRelationship(server)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", database.DatabaseName)],
            })
            .ExcludeFromManifest();
    }

    private static async Task<string> AdminConnectionStringAsync(LocalPostgresResource server, CancellationToken ct) =>
        new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(ct))
        {
            Database = "postgres", Pooling = false, Timeout = 3,
        }.ConnectionString;
}
