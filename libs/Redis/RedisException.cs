namespace ECommerce.Redis;

/// <summary>An error reply from the server (e.g. WRONGTYPE) or a protocol violation.</summary>
public class RedisException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The connection is down: the call was not sent, or its reply was lost. The client reconnects by itself.</summary>
public class RedisConnectionException(string message, Exception? inner = null) : RedisException(message, inner);

/// <summary>
/// No reply within <see cref="RedisOptions.OperationTimeout"/> (a paused or overloaded server). A connection problem
/// for callers: the reply, if it ever comes, is discarded and the connection stays in step.
/// </summary>
public sealed class RedisTimeoutException(string message) : RedisConnectionException(message);
