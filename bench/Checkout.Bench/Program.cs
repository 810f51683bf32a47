using System.Diagnostics;
using ECommerce.Checkout.Bench;

// Bounded checkout load through the gateway; prints a markdown section for docs/benchmarks.md.
//   dotnet ECommerce.Checkout.Bench.dll <gateway URL | --start> [rate/s = 200] [seconds = 20] [users = 300]
// --start: the whole system from the AppHost in this process (servers on free ports, fresh state), stopped at the end.
if (args.Length < 1) { Console.Error.WriteLine("usage: <gateway URL | --start> [rate] [seconds] [users]"); return 2; }
await using var system = args[0] == "--start" ? new BenchSystem() : null;
if (system is not null)
{
    await system.InitializeAsync();
    Console.Error.WriteLine($"system up; gateway {system.GatewayUrl}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}
var gateway = system?.GatewayUrl ?? new Uri(args[0]);
var rate = args.Length > 1 ? int.Parse(args[1]) : 200;
var duration = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 20);
var userCount = args.Length > 3 ? int.Parse(args[3]) : 300;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
var shop = new BenchShop(http);
Console.Error.WriteLine($"setting up {userCount} users and stock...");
var products = await shop.StockedProductsAsync(count: 20, onHand: 1_000_000);
var users = await shop.UsersAsync(userCount);

Console.Error.WriteLine($"offering {rate} checkouts/s for {duration.TotalSeconds:0} s...");
var load = new CheckoutLoad(shop, products, users, rate, duration);
var clock = Stopwatch.StartNew();
var results = await load.RunAsync();
Console.Error.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s");

Console.WriteLine(Report.Markdown(results, rate, duration, userCount, Environment.ProcessorCount));
return 0;
