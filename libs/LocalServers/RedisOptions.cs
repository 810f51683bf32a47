namespace ECommerce.LocalServers;

public sealed record RedisOptions(string StateDirectory, int Port, string? Password = null, string Name = "redis")
{
    /// <summary>Delete the state folder when the server is disposed (throwaway test servers).</summary>
    public bool DeleteStateOnDispose { get; init; }
}
