// The whole system under Aspire: PostgreSQL (one database per service), Redis, RabbitMQ, six services and the
// gateway, which also serves the built frontends. Services read only ConnectionStrings__<name> and
// services__<name>__http__0, whichever way the servers run (docs/orchestration.md).
//   --servers auto|local|container   how the servers run (auto: containers when a container runtime answers)
//   --state <folder>                 where local servers keep their data (default .state/ at the repository root)
//   --ports auto                     free ports for the local servers instead of the fixed ones
//   --topology servers               only the servers (what integration tests start)
//   --Settings:<service>:<KEY>=<v>   one service's setting for this run, e.g. --Settings:order:Order__Saga__Timeout=00:00:05
//   --only postgres,redis,eventbus   with --topology servers: just these servers
using ECommerce.AppHost;
using ECommerce.AppHost.Servers;

var builder = DistributedApplication.CreateBuilder(args);

if (builder.Configuration["topology"] != "servers") builder.AddShop(builder.AddServers());
else builder.AddServers(ServersBuilderExtensions.Only(builder) ?? ServersBuilderExtensions.ServerNames);

if (!StartupChecks.PortsAreFree(builder)) return 2;
var app = builder.Build();
app.ReportWhenHealthy();
await app.RunAsync();
return 0;

/// <summary>Internal, not the public default: test projects reference the AppHost next to a service whose Program is public.</summary>
internal partial class Program;
