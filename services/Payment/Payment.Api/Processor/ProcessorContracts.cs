namespace ECommerce.Payment.Api.Processor;

// The processor's HTTP wire format, shared by its endpoints and the client that calls them.

public sealed record ChargeRequest(decimal Amount, string Currency, string CardToken);

public sealed record ChargeResponse(Guid ChargeId, string Status);

public sealed record DeclineResponse(string Code);
