namespace ECommerce.DevHost;

public enum ResourceState
{
    /// <summary>Waiting for the resources it waits for.</summary>
    Waiting,
    Starting,
    Healthy,
    Paused,
    Stopping,
    /// <summary>Stopped on request.</summary>
    Stopped,
    /// <summary>Died (killed, crashed, or exited by itself); DevHost does not restart it.</summary>
    Exited,
    /// <summary>Running, but its readiness did not answer in time; left running so its log and /health can be read.</summary>
    Unhealthy,
}
