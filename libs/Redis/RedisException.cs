namespace ECommerce.Redis;

/// <summary>An error reply from the server (e.g. WRONGTYPE) or a protocol violation.</summary>
public class RedisException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The connection is down: the call was not sent, or its reply was lost. The client reconnects by itself.</summary>
public sealed class RedisConnectionException(string message, Exception? inner = null) : RedisException(message, inner);
