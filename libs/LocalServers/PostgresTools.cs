namespace ECommerce.LocalServers;

/// <summary>initdb and pg_ctl, run as the postgres user when we are root (initdb refuses root).</summary>
internal sealed class PostgresTools(PostgresOptions options, string stateDirectory)
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    public string DataDirectory => Path.Combine(stateDirectory, "data");
    public string LogFile => Path.Combine(stateDirectory, "pg.log");
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public async Task<CommandResult> InitDbAsync(CancellationToken ct)
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true); // an initdb that died halfway
        Directory.CreateDirectory(stateDirectory);
        var passwordFile = Path.Combine(stateDirectory, ".pw");
        await File.WriteAllTextAsync(passwordFile, options.Password, ct);
        try
        {
            await ChownToPostgresAsync(ct, stateDirectory, passwordFile);
            string[] args = ["-D", DataDirectory, "-U", "postgres", $"--pwfile={passwordFile}", "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", .. options.Durable ? Array.Empty<string>() : ["--no-sync"]];
            return await RunAsync("initdb", args, TimeSpan.FromSeconds(120), ct);
        }
        finally { File.Delete(passwordFile); }
    }

    /// <summary>pg_ctl -w returns once the server accepts connections.</summary>
    public Task<CommandResult> StartAsync(CancellationToken ct)
    {
        var settings = $"-c listen_addresses=127.0.0.1 -p {options.Port} -c max_connections={options.MaxConnections} {SocketSetting()}";
        if (!options.Durable) settings += " -c fsync=off -c synchronous_commit=off";
        return RunAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", settings, "start"], TimeSpan.FromSeconds(90), ct);
    }

    /// <summary>Fast mode: roll back open transactions, checkpoint, exit; the data survives a restart.</summary>
    public Task<CommandResult> StopAsync(CancellationToken ct) =>
        RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], TimeSpan.FromSeconds(45), ct);

    // The socket path must fit in sun_path (107 bytes); a deep state folder gets TCP only.
    private string SocketSetting() =>
        stateDirectory.Length + "/.s.PGSQL.65535".Length < 107 ? $"-k '{stateDirectory}'" : "-c unix_socket_directories=''";

    private Task<CommandResult> RunAsync(string tool, string[] args, TimeSpan timeout, CancellationToken ct) =>
        Posix.IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", $"{Bin}/{tool}", .. args], stateDirectory, timeout, ct: ct)
            : ProcessRunner.RunAsync($"{Bin}/{tool}", args, stateDirectory, timeout, ct: ct);

    private static async Task ChownToPostgresAsync(CancellationToken ct, params string[] paths)
    {
        if (!Posix.IsRoot) return;
        var result = await ProcessRunner.RunAsync("chown", ["postgres:postgres", .. paths], "/", TimeSpan.FromSeconds(10), ct: ct);
        if (!result.Succeeded) throw new LocalServerException($"chown postgres failed: {result.Output}");
    }
}
