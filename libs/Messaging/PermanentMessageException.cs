namespace ECommerce.Messaging;

/// <summary>Thrown by a handler for a message that can never succeed: it goes to the dead-letter queue at once.</summary>
public sealed class PermanentMessageException(string message) : Exception(message);
