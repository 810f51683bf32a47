namespace ECommerce.Order.Api.Saga;

/// <summary>
/// What the saga decided: events to append to the order's stream and messages to send with them (in the same
/// transaction). <see cref="Rejected"/> is for requests the state forbids (a customer cancelling a confirmed order);
/// a reply that does not fit the state is not rejected but ignored (<see cref="Nothing"/>), because redelivery is normal.
/// </summary>
public sealed record SagaDecision(IReadOnlyList<object> Events, IReadOnlyList<object> Messages, string? Rejected = null)
{
    public static readonly SagaDecision Nothing = new([], []);

    public static SagaDecision Reject(string why) => new([], [], why);

    public bool IsNothing => Events.Count == 0 && Messages.Count == 0;
}
