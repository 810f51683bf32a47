using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// LISTENs for the NOTIFY an enqueue sends at commit and wakes the relay. If the listening connection drops it
/// reconnects; meanwhile the relay's poll still finds the rows.
/// </summary>
internal sealed class OutboxListener(MessagingDatabase database, OutboxSignal signal, ILogger logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => signal.Nudge();
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagingDatabase.NotifyChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                signal.Nudge();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogDebug("Outbox listener reconnecting: {Reason}", ex.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
