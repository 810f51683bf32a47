using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Postgres;

/// <summary>
/// A request that failed because the database is restarting, unreachable or overloaded answers
/// 503 problem+json with Retry-After, not 500: the request was fine, and trying again shortly will work.
/// Anything else is left to the default handler (500).
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception) || context.Response.HasStarted) return false;
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The service's database is not reachable right now; try again shortly.",
            },
        });
    }

    /// <summary>
    /// Npgsql's own transience verdict (connection failures, timeouts), plus the server states of a restart or an
    /// overload: class 08 (connection), 53 (insufficient resources), 57 (operator intervention: shutting down, starting).
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException pg) return pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("53") || pg.SqlState.StartsWith("57");
            if (ex is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }
}
