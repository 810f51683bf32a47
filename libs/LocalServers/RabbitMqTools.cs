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
        await CtlAsync(failure, ct, "add_vhost", options.VirtualHost); // succeeds when the vhost exists
        var added = await CtlAsync(failure, ct, "add_user", options.User, options.Password);
        if (!added) await CtlAsync(failure, ct, "change_password", options.User, options.Password); // a half-done earlier try
        await CtlAsync(failure, ct, "set_user_tags", options.User, "administrator"); // for the management API
        await CtlAsync(failure, ct, "set_permissions", "-p", options.VirtualHost, options.User, ".*", ".*", ".*");
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

    /// <returns>False when the thing to add already exists.</returns>
    private async Task<bool> CtlAsync(Func<string, LocalServerException> failure, CancellationToken ct, params string[] args)
    {
        var result = await ProcessRunner.RunAsync($"{Bin}/rabbitmqctl", args, stateDirectory, CtlTimeout,
            RabbitMqEnvironment.For(options, stateDirectory), ct);
        if (result.Succeeded) return true;
        if (result.Output.Contains("already exists", StringComparison.Ordinal)) return false;
        throw failure($"rabbitmqctl {args[0]} failed: {result.Output}");
    }

    public static string ServerScript => $"{Bin}/rabbitmq-server";
}
