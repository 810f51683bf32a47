using System.Diagnostics;
using System.Globalization;
using ECommerce.Redis;

// The project's RESP client loaded the way redis-benchmark loads a server: <clients> callers, each with
// <pipeline> commands in flight (1 = send, await the reply, send the next), <requests> commands in total.
//   RedisBench <port> <get|set> <clients> <pipeline> <requests>
// Prints "<test> <pipeline> <requests per second>". All callers share the client's one multiplexed connection.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: RedisBench <port> <get|set> <clients> <pipeline> <requests>");
    return 2;
}
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var test = args[1];
var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
var pipeline = int.Parse(args[3], CultureInfo.InvariantCulture);
var requests = long.Parse(args[4], CultureInfo.InvariantCulture);

await using var redis = await RedisConnection.ConnectAsync($"127.0.0.1:{port}");
var db = redis.GetDatabase();
const string Key = "key:__rand_int__"; // the key and 3-byte value redis-benchmark uses without -r
await db.StringSetAsync(Key, "xxx");

async Task<long> RunAsync(long total)
{
    var remaining = total;
    var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        var batch = new Task[pipeline];
        while (Interlocked.Add(ref remaining, -pipeline) > -pipeline)
        {
            for (var i = 0; i < pipeline; i++)
                batch[i] = test == "get" ? db.StringGetAsync(Key) : db.StringSetAsync(Key, "xxx");
            for (var i = 0; i < pipeline; i++) await batch[i];
        }
    }));
    await Task.WhenAll(workers);
    return total;
}

await RunAsync(Math.Min(requests / 5, 50_000)); // warm-up: JIT and tiered compilation
var started = Stopwatch.GetTimestamp();
var done = await RunAsync(requests);
var rps = done / Stopwatch.GetElapsedTime(started).TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{test} {pipeline} {rps:0}"));
return 0;
