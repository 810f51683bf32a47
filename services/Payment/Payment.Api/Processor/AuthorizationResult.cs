namespace ECommerce.Payment.Api.Processor;

/// <summary>What an authorization came to, as the payment service sees it after the client's retries.</summary>
public abstract record AuthorizationResult
{
    public sealed record Authorized(Guid ChargeId) : AuthorizationResult;

    public sealed record Declined(string Code) : AuthorizationResult;

    /// <summary>Errors and timeouts on every attempt, or the circuit open: retrying later might work, this time did not.</summary>
    public sealed record Unavailable(string Reason) : AuthorizationResult;
}
