namespace ECommerce.Chaos;

/// <summary>The command line of <c>./chaos.sh</c>, parsed; defaults fit the system it starts from the AppHost.</summary>
public sealed record ChaosOptions
{
    public string? Scenario { get; init; }
    public bool List { get; init; }
    /// <summary>Every scenario, one after another, on one started system.</summary>
    public bool All { get; init; }
    public string? ReportPath { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(90);
    /// <summary>Null: start the system from the AppHost; set: attach to a running system's gateway (no process faults).</summary>
    public Uri? Gateway { get; init; }
    public int Users { get; init; } = 16;
    public int Products { get; init; } = 4;
    public int StockPerProduct { get; init; } = 1000;
    public string AdminEmail { get; init; } = "admin@shop.local";
    public string AdminPassword { get; init; } = "Admin123!";
    /// <summary><c>--service payment=http://host:port</c>: fault endpoints of an attached system (--gateway).</summary>
    public IReadOnlyDictionary<string, Uri> Services { get; init; } = new Dictionary<string, Uri>();
    public bool Quiet { get; init; }

    public const string Usage = """
        usage: ./chaos.sh <scenario> [options]      ./chaos.sh --all [options]      ./chaos.sh --list
        Starts the whole system from the AppHost (Aspire.Hosting.Testing: servers on free ports, a fresh state folder, no
        dashboard), plays the scenario(s) and stops it again. Process faults use the AppHost's resource commands.
          --all                    every scenario in turn on one started system
          --report <file.json>     write the JSON report there
          --duration <30s|2m>      load time: before + fault + recovery (default 30s)
          --settle <90s>           how long accepted orders may take to finish afterwards (default 90s)
          --gateway <url>          attach to a running system (./run.sh: http://localhost:8080) instead of starting
                                   one; only fault-plan scenarios then (payment-outage, slow-inventory, flash-sale)
          --users <n>              virtual users (default 16)    --products <n>   products used (default 4)
          --stock <n>              on-hand set per product at the start (default 1000)
          --admin <email> --admin-password <pw>   (default admin@shop.local / Admin123!)
          --service <name=url>     a service's own URL for its /admin/faults and /health (repeatable)
          --quiet                  no progress lines
        """;

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ChaosOptions();
        var services = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--list" => o with { List = true },
                "--all" => o with { All = true },
                "--report" => o with { ReportPath = Value() },
                "--duration" => o with { Duration = ParseSpan(Value()) },
                "--settle" => o with { SettleTimeout = ParseSpan(Value()) },
                "--gateway" => o with { Gateway = new Uri(Value()) },
                "--users" => o with { Users = Positive(Value()) },
                "--products" => o with { Products = Positive(Value()) },
                "--stock" => o with { StockPerProduct = Positive(Value()) },
                "--admin" => o with { AdminEmail = Value() },
                "--admin-password" => o with { AdminPassword = Value() },
                "--quiet" => o with { Quiet = true },
                "--service" => AddService(o, Value(), services),
                var a when a.StartsWith('-') => throw new ArgumentException($"Unknown option {a}."),
                var a when o.Scenario is null => o with { Scenario = a },
                var a => throw new ArgumentException($"Unexpected argument {a}."),
            };
        }
        if (o.All && o.Scenario is not null) throw new ArgumentException("--all or one scenario, not both.");
        return o with { Services = services };
    }

    private static ChaosOptions AddService(ChaosOptions o, string value, Dictionary<string, Uri> services)
    {
        var parts = value.Split('=', 2);
        if (parts.Length != 2 || !Uri.TryCreate(parts[1], UriKind.Absolute, out var uri))
            throw new ArgumentException($"--service wants name=url, not {value}.");
        services[parts[0]] = uri;
        return o;
    }

    private static int Positive(string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"{value} is not a positive number.");

    /// <summary>"30s", "2m", "1500ms" or a TimeSpan ("00:00:30").</summary>
    public static TimeSpan ParseSpan(string value)
    {
        if (value.EndsWith("ms") && double.TryParse(value[..^2], out var ms)) return TimeSpan.FromMilliseconds(ms);
        if (value.EndsWith('s') && double.TryParse(value[..^1], out var s)) return TimeSpan.FromSeconds(s);
        if (value.EndsWith('m') && double.TryParse(value[..^1], out var m)) return TimeSpan.FromMinutes(m);
        return TimeSpan.TryParse(value, out var span) && span > TimeSpan.Zero
            ? span : throw new ArgumentException($"{value} is not a duration (30s, 2m, 1500ms).");
    }
}
