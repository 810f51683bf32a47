namespace ECommerce.LocalServers;

/// <param name="Durable">False adds <c>fsync=off</c> and <c>synchronous_commit=off</c>: throwaway test clusters only.</param>
public sealed record PostgresOptions(
    string StateDirectory,
    int Port,
    string Password = "postgres",
    bool Durable = true,
    string Name = "postgres")
{
    /// <summary>Delete the state folder when the server is disposed (throwaway test servers).</summary>
    public bool DeleteStateOnDispose { get; init; }
}
