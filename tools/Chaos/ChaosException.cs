namespace ECommerce.Chaos;

/// <summary>The run cannot go on (setup failed, no gateway, a process fault without the AppHost): a message for the user, exit code 2.</summary>
public sealed class ChaosException(string message) : Exception(message);
