namespace ECommerce.EventStore;

public enum ProjectionLifecycle
{
    /// <summary>In the append's transaction (<see cref="IInlineProjection"/>).</summary>
    Inline,

    /// <summary>By the projection daemon after commit (<see cref="IAsyncProjection"/>).</summary>
    Async,
}
