// The whole system under Aspire: PostgreSQL (one database per service), Redis, RabbitMQ, six services and the
// gateway, which also serves the built frontends. Services read only ConnectionStrings__<name> and
// services__<name>__http__0, whichever way the servers run (docs/orchestration.md).
//   --servers auto|local|container   how the servers run (auto: containers when a container runtime answers)
//   --state <folder>                 where local servers keep their data (default .state/ at the repository root)
//   --ports auto                     free ports for the local servers instead of the fixed ones
//   --topology servers               only the servers (what integration tests start)
//   --Settings:<service>:<KEY>=<v>   one service's setting for this run, e.g. --Settings:order:Order__Saga__Timeout=00:00:05
using ECommerce.AppHost;
using ECommerce.AppHost.Servers;

var builder = DistributedApplication.CreateBuilder(args);

var servers = builder.AddServers();
if (builder.Configuration["topology"] != "servers") builder.AddShop(servers);

if (!StartupChecks.PortsAreFree(builder)) return 2;
var app = builder.Build();
app.ReportWhenHealthy();
await app.RunAsync();
return 0;
