using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging;

/// <summary>
/// Publishes committed outbox rows in order (a batch pipelined on one channel), and deletes each once the broker
/// has confirmed it.
/// Rows are claimed with FOR UPDATE SKIP LOCKED so several instances share the work without publishing a row twice
/// at the same time. While the broker or database is down it retries with exponential backoff; the rows wait.
/// </summary>
internal sealed class OutboxRelay(
    MessagingDatabase database, RabbitMqPublisher publisher, OutboxSignal signal, MessagingOptions options, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private const string Claim = $"""
        SELECT seq, message_id, message_type, body, headers::text FROM {MessagingDatabase.OutboxTable}
        ORDER BY seq LIMIT @limit FOR UPDATE SKIP LOCKED
        """;
    private const string Delete = $"DELETE FROM {MessagingDatabase.OutboxTable} WHERE seq = ANY(@seqs)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = new OutboxListener(database, signal, logger).RunAsync(stoppingToken);
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await database.EnsureSchemaAsync(stoppingToken);
                var published = await PublishBatchAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(100);
                if (published == options.OutboxBatchSize) continue;
                await signal.WaitAsync(options.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox relay could not publish, retrying in {Delay} ms: {Reason}", (int)backoff.TotalMilliseconds, ex.Message);
                try { await Task.Delay(backoff, stoppingToken); }
                catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, options.OutboxMaxBackoff.TotalMilliseconds));
            }
        }
        await listener;
    }

    /// <summary>One batch in one transaction; when some publishes fail, the confirmed rows are still deleted.</summary>
    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = new List<(long Seq, MessageEnvelope Envelope)>();
        await using (var claim = new NpgsqlCommand(Claim, connection, tx))
        {
            claim.Parameters.AddWithValue("limit", options.OutboxBatchSize);
            await using var reader = await claim.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), new MessageEnvelope
                {
                    MessageId = reader.GetString(1),
                    MessageType = reader.GetString(2),
                    Body = Encoding.UTF8.GetBytes(reader.GetString(3)),
                    Headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                }));
            }
        }
        if (rows.Count == 0) return 0;

        var failures = await publisher.PublishBatchAsync(rows.Select(r => r.Envelope).ToList(), ct);
        var confirmed = rows.Where((_, i) => failures[i] is null).Select(r => r.Seq).ToList();
        var failure = failures.FirstOrDefault(f => f is not null);
        if (confirmed.Count > 0)
        {
            await using var delete = new NpgsqlCommand(Delete, connection, tx);
            delete.Parameters.AddWithValue("seqs", confirmed.ToArray());
            await delete.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (failure is not null) throw new InvalidOperationException(failure.Message, failure);
        logger.LogDebug("Outbox relay published {Count} messages", confirmed.Count);
        return confirmed.Count;
    }
}
