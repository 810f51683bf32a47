namespace ECommerce.Chaos;

/// <summary>The run cannot go on (setup failed, DevHost absent): a message for the user, exit code 2.</summary>
public sealed class ChaosException(string message) : Exception(message);
