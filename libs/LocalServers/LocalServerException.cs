namespace ECommerce.LocalServers;

/// <summary>A local server failed to start or stop; the message carries the tail of its log.</summary>
public sealed class LocalServerException : Exception
{
    public LocalServerException(string message) : base(message) { }

    public LocalServerException(string message, Exception innerException) : base(message, innerException) { }
}
