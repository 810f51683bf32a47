using Npgsql;

namespace ECommerce.Product.Api.Search;

/// <summary>
/// Runs a text query with sequential scans discouraged for its transaction only. On a catalog this small the
/// planner prices a GIN bitmap scan and a full scan about the same, but the full scan evaluates the tsquery on
/// every row and was measured 5-10x slower (bench/search.sh); SET LOCAL keeps the choice to this one statement.
/// </summary>
public static class IndexedQuery
{
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource, NpgsqlBatchCommand command, Func<NpgsqlDataReader, Task<T>> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off"));
        batch.BatchCommands.Add(command);
        T result;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
            result = await read(reader);
        await tx.CommitAsync(ct);
        return result;
    }
}
