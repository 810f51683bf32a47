using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// Deletes inbox rows older than <see cref="MessagingOptions.InboxRetention"/> every few minutes, so the table stays
/// the size of the redelivery window rather than of all history.
/// </summary>
internal sealed class InboxPruner(MessagingDatabase database, MessagingOptions options, ILogger<InboxPruner> logger) : BackgroundService
{
    private const string Prune = $"DELETE FROM {MessagingDatabase.InboxTable} WHERE handled_at < now() - @retention";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await database.EnsureSchemaAsync(stoppingToken);
                await using var cmd = database.DataSource.CreateCommand(Prune);
                cmd.Parameters.AddWithValue("retention", options.InboxRetention);
                var deleted = await cmd.ExecuteNonQueryAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Pruned {Count} inbox rows older than {Retention}", deleted, options.InboxRetention);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogDebug("Inbox pruning skipped: {Reason}", ex.Message);
            }
        } while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
