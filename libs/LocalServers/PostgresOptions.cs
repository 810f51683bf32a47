namespace ECommerce.LocalServers;

/// <param name="Durable">False adds <c>fsync=off</c> and <c>synchronous_commit=off</c>: throwaway test clusters only.</param>
/// <param name="MaxConnections">
/// One server holds every service's database, and each service keeps pools (its own, its outbox's): PostgreSQL's
/// default of 100 runs out under checkout load ("53300: sorry, too many clients already").
/// </param>
public sealed record PostgresOptions(
    string StateDirectory,
    int Port,
    string Password = "postgres",
    bool Durable = true,
    string Name = "postgres",
    int MaxConnections = 400)
{
    /// <summary>Delete the state folder when the server is disposed (throwaway test servers).</summary>
    public bool DeleteStateOnDispose { get; init; }
}
