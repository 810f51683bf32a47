namespace ECommerce.LocalServers;

/// <summary>
/// Everything that keeps one broker apart from another on the same machine: its own HOME (and so its own Erlang
/// cookie), node name, ports, epmd and folders, and none of the files under /etc/rabbitmq.
/// The CLI tools get the same variables, or they would look for the node in the wrong place.
/// </summary>
internal static class RabbitMqEnvironment
{
    public const string LoopbackOnly = "-kernel inet_dist_use_interface {127,0,0,1}";

    public static IReadOnlyDictionary<string, string> For(RabbitMqOptions options, string dir) => new Dictionary<string, string>
    {
        ["HOME"] = dir,
        ["LC_ALL"] = "C.UTF-8",
        ["RABBITMQ_NODENAME"] = $"{options.NodeName}@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = $"{options.Port}",
        ["RABBITMQ_DIST_PORT"] = $"{options.DistributionPort}",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(dir, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dir, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = PidFile(dir),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = $"{options.EpmdPort}",
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = LoopbackOnly,
        ["RABBITMQ_CTL_ERL_ARGS"] = LoopbackOnly,
    };

    public static string PidFile(string dir) => Path.Combine(dir, "rabbit.pid");

    /// <summary>The server script's pid: it names the process tree before the VM has written its own pid file.</summary>
    public static string LauncherPidFile(string dir) => Path.Combine(dir, "launcher.pid");

    public static string StdoutLog(string dir) => Path.Combine(dir, "stdout.log");

    public static string NodeLog(RabbitMqOptions options, string dir) => Path.Combine(dir, "log", $"{options.NodeName}@localhost.log");

    /// <summary>Where the broker's epmd listens, for whoever has to clean up after a crashed run.</summary>
    public static string EpmdPortFile(string dir) => Path.Combine(dir, "epmd.port");

    public static void WriteConfiguration(RabbitMqOptions options, string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dir, "log"));
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"),
            $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {options.ManagementPort}\n");
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_management].\n");
        File.WriteAllText(EpmdPortFile(dir), $"{options.EpmdPort}\n");
    }
}
