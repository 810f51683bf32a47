namespace ECommerce.LocalServers;

/// <summary>rabbitmqctl (each call boots an Erlang VM: about half a second) and the broker's private epmd.</summary>
internal sealed class RabbitMqTools(RabbitMqOptions options, string stateDirectory)
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan CtlTimeout = TimeSpan.FromSeconds(60);

    private string ProvisionedMarker => Path.Combine(stateDirectory, ".provisioned");

    /// <summary>Creates the virtual host and the user once per state folder; the broker keeps them in Mnesia.</summary>
    public async Task ProvisionAsync(Func<string, LocalServerException> failure, CancellationToken ct)
    {
        if (File.Exists(ProvisionedMarker)) return;
        string[][] commands =
        [
            ["add_vhost", options.VirtualHost],
            ["add_user", options.User, options.Password],
            ["change_password", options.User, options.Password], // when a half-done provisioning already added the user
            ["set_user_tags", options.User, "administrator"],
            ["set_permissions", "-p", options.VirtualHost, options.User, ".*", ".*", ".*"],
        ];
        foreach (var command in commands)
        {
            var result = await CtlAsync(command, ct);
            if (!result.Succeeded && !result.Output.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                throw failure($"rabbitmqctl {command[0]} failed: {result.Output}");
            }
        }
        await File.WriteAllTextAsync(ProvisionedMarker, "", ct);
    }

    /// <summary>
    /// Kills the epmd the broker started (it daemonizes, so it outlives the broker) once no node is registered
    /// with it any more; the port comes from the file written at start, which may differ from today's options.
    /// </summary>
    public static async Task<bool> StopEpmdAsync(string stateDirectory, CancellationToken ct)
    {
        var file = RabbitMqEnvironment.EpmdPortFile(stateDirectory);
        if (!File.Exists(file) || !int.TryParse((await File.ReadAllTextAsync(file, ct)).Trim(), out var port)) return true;
        var stopped = await Ports.WaitUntilAsync(async () =>
        {
            if (!Ports.IsListening(port)) return true;
            await ProcessRunner.RunAsync("epmd", ["-port", $"{port}", "-kill"], stateDirectory, TimeSpan.FromSeconds(10), ct: ct);
            return !Ports.IsListening(port);
        }, TimeSpan.FromSeconds(15), ct);
        if (stopped) File.Delete(file);
        return stopped;
    }

    private Task<CommandResult> CtlAsync(string[] args, CancellationToken ct) =>
        ProcessRunner.RunAsync($"{Bin}/rabbitmqctl", args, stateDirectory, CtlTimeout,
            RabbitMqEnvironment.For(options, stateDirectory), ct);

    public static string ServerScript => $"{Bin}/rabbitmq-server";
}
