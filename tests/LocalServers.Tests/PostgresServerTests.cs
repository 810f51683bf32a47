using ECommerce.TestInfrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace ECommerce.LocalServers.Tests;

public sealed class PostgresServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Committed_rows_survive_a_stop_and_a_start()
    {
        PostgresServer? server = null;
        var started = await Probe.TimeAsync(async () => server = await TestServers.StartDedicatedPostgresAsync(durable: true));
        await using var _ = server!;
        await ExecuteAsync(server!, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");

        var stopped = await Probe.TimeAsync(() => server!.StopAsync());
        await Probe.AssertClosedAsync(server!.Port);
        Assert.False(await server.IsReadyAsync());

        var restarted = await Probe.TimeAsync(() => server.StartAsync());
        Assert.Equal("kept", await ScalarAsync(server, "SELECT body FROM notes"));
        output.WriteLine($"initdb+start {started.TotalSeconds:0.00} s, stop {stopped.TotalSeconds:0.00} s, restart {restarted.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_killed_server_restarts_with_its_committed_rows()
    {
        await using var server = await TestServers.StartDedicatedPostgresAsync(durable: true);
        await ExecuteAsync(server, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");

        var killed = await Probe.TimeAsync(() => server.KillAsync());
        await Probe.AssertClosedAsync(server.Port);

        var restarted = await Probe.TimeAsync(() => server.StartAsync());
        Assert.Equal("kept", await ScalarAsync(server, "SELECT body FROM notes"));
        output.WriteLine($"kill {killed.TotalSeconds:0.00} s, crash recovery + start {restarted.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Starting_a_state_folder_whose_server_already_runs_is_harmless()
    {
        await using var server = await TestServers.StartDedicatedPostgresAsync();
        await ExecuteAsync(server, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
        var firstPid = server.ProcessId;

        await server.StartAsync();
        Assert.Equal(firstPid, server.ProcessId);

        // A second owner of the same folder (a rerun after a crash) replaces the running instance.
        var twin = new PostgresServer(new PostgresOptions(server.StateDirectory, server.Port, Durable: false));
        await twin.StartAsync();
        Assert.NotEqual(firstPid, twin.ProcessId);
        Assert.Equal("kept", await ScalarAsync(twin, "SELECT body FROM notes"));
        Assert.True(await server.IsReadyAsync());
    }

    [Fact]
    public async Task A_paused_server_stops_answering_until_resumed()
    {
        await using var server = await TestServers.StartDedicatedPostgresAsync();

        await server.PauseAsync();
        Assert.False(await server.IsReadyAsync());

        await server.ResumeAsync();
        Assert.True(await server.IsReadyAsync());
    }

    [Fact]
    public async Task EnsureDatabase_creates_a_database_once_even_when_callers_race()
    {
        var server = await TestServers.SharedPostgresAsync();
        var database = TestServers.NewName("Orders");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.EnsureDatabaseAsync(database)));
        await server.EnsureDatabaseAsync(database);

        await using var connection = await OpenAsync(server, database);
        Assert.Equal(database, connection.Database);
        Assert.Same(server, await TestServers.SharedPostgresAsync());
    }

    private static async Task ExecuteAsync(PostgresServer server, string sql)
    {
        await using var connection = await OpenAsync(server, "postgres");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(PostgresServer server, string sql)
    {
        await using var connection = await OpenAsync(server, "postgres");
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // No pooling: a pooled connection would not survive the restarts these tests make.
    private static async Task<NpgsqlConnection> OpenAsync(PostgresServer server, string database)
    {
        var connection = new NpgsqlConnection(server.GetConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
