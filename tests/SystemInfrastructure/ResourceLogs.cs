using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.SystemInfrastructure;

/// <summary>
/// The console output of every resource, kept in memory from the start (what the dashboard's console logs show), so a
/// test can look for a trace id in a service's log lines or show the last lines when something did not come up.
/// </summary>
public sealed class ResourceLogs : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, StringBuilder> _logs = [];
    private readonly List<(string Resource, string Line)> _recent = [];

    public ResourceLogs(DistributedApplication app)
    {
        var logger = app.Services.GetRequiredService<ResourceLoggerService>();
        // Logs are kept per DCP instance id (the resource name plus a suffix): follow each id as it appears.
        _ = Task.Run(async () =>
        {
            var watched = new HashSet<string>();
            try
            {
                await foreach (var e in app.ResourceNotifications.WatchAsync(_stop.Token))
                    if (watched.Add(e.ResourceId)) _ = FollowAsync(logger, e.ResourceId, e.Resource.Name);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private async Task FollowAsync(ResourceLoggerService logger, string resourceId, string name)
    {
        try
        {
            await foreach (var batch in logger.WatchAsync(resourceId).WithCancellation(_stop.Token))
                lock (_logs)
                {
                    if (!_logs.TryGetValue(name, out var log)) _logs[name] = log = new StringBuilder();
                    foreach (var line in batch)
                    {
                        log.AppendLine(line.Content);
                        _recent.Add((name, line.Content));
                        if (_recent.Count > 400) _recent.RemoveRange(0, 100);
                    }
                }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public string Of(string resource)
    {
        lock (_logs) return _logs.TryGetValue(resource, out var log) ? log.ToString() : "";
    }

    /// <summary>The last lines of all resources together, each with its resource's name.</summary>
    public string Tail(int lines)
    {
        lock (_logs) return string.Join('\n', _recent.TakeLast(lines).Select(r => $"{r.Resource}: {r.Line}"));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
