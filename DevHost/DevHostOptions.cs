namespace ECommerce.DevHost;

/// <summary>The command line, parsed by hand: a dozen flags do not justify a parser package.</summary>
public sealed record DevHostOptions
{
    public const string Usage = """
        Usage: dotnet run --project DevHost [-- [servers] [options]]

          servers              start only PostgreSQL, Redis and RabbitMQ (run the services from an IDE)
          --port N             gateway port (default 8080)
          --control-port N     control API port (default 8089)
          --auto-ports         free ports for everything (tests; never collides with a dev instance)
          --state DIR          state folder (default <repo>/.devhost)
          --fresh              wipe the state folder (servers' data, logs) before starting
          --quiet              keep the services' logs off the console (they still go to the log files)
          --otlp URL           pass OTEL_EXPORTER_OTLP_ENDPOINT to every service
          --timeout SECONDS    how long a resource may take to become healthy (default 120)
          --env NAME:KEY=VALUE one more setting for one project, over the topology's (repeatable; e.g.
                               --env order:Checkout__PaymentTimeout=00:00:03 for a test or a demo)
        """;

    public bool ServersOnly { get; init; }
    public int? GatewayPort { get; init; }
    public int? ControlPort { get; init; }
    public bool AutoPorts { get; init; }
    public string? StateDirectory { get; init; }
    public bool Fresh { get; init; }
    public bool Quiet { get; init; }
    public string? OtlpEndpoint { get; init; }
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public bool ShowHelp { get; init; }
    public IReadOnlyList<SettingOverride> Overrides { get; init; } = [];

    public static DevHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DevHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Port() => int.TryParse(Value(), out var p) && p is > 0 and < 65536 ? p : throw new ArgumentException($"{arg} needs a port number.");
            options = arg switch
            {
                "servers" => options with { ServersOnly = true },
                "--port" => options with { GatewayPort = Port() },
                "--control-port" => options with { ControlPort = Port() },
                "--auto-ports" => options with { AutoPorts = true },
                "--state" => options with { StateDirectory = Path.GetFullPath(Value()) },
                "--fresh" => options with { Fresh = true },
                "--quiet" => options with { Quiet = true },
                "--otlp" => options with { OtlpEndpoint = Value() },
                "--timeout" => options with
                {
                    HealthTimeout = int.TryParse(Value(), out var s) && s > 0
                        ? TimeSpan.FromSeconds(s)
                        : throw new ArgumentException("--timeout needs a number of seconds."),
                },
                "--env" => options with { Overrides = [.. options.Overrides, SettingOverride.Parse(Value())] },
                "-h" or "--help" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }
        return options;
    }
}
