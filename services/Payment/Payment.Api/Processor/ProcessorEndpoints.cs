using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Payment.Api.Processor;

/// <summary>
/// The simulated card processor: its own endpoint group, called over HTTP by this service's processor client.
/// Every operation is a PUT on a charge named by the caller's idempotency key (the order id), so it is idempotent
/// by construction and the client's resilience pipeline may retry it.
/// </summary>
public static class ProcessorEndpoints
{
    public static WebApplication MapProcessorEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/processor/charges").WithTags("Simulated processor").AllowAnonymous().ExcludeFromDescription();
        group.MapPut("/{key}", AuthorizeAsync);
        group.MapPut("/{key}/capture", CaptureAsync);
        group.MapPut("/{key}/refund", RefundAsync);
        return app;
    }

    private static async Task<Results<Ok<ChargeResponse>, JsonHttpResult<DeclineResponse>, ProblemHttpResult>> AuthorizeAsync(
        string key, ChargeRequest request, ProcessorLedger ledger, IOptions<ProcessorOptions> options, CancellationToken ct)
    {
        var call = await ledger.CountCallAsync(key, ct);
        var outcome = TestCards.Decide(request.CardToken ?? "", call, options.Value.FlakyFailures);
        switch (outcome.Kind)
        {
            case CardOutcomeKind.Fail:
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Processor error",
                    detail: "The processor could not handle the request; it may be retried with the same key.");
            case CardOutcomeKind.Decline:
                return TypedResults.Json(new DeclineResponse(outcome.DeclineCode!), statusCode: StatusCodes.Status402PaymentRequired);
            case CardOutcomeKind.ApproveSlowly:
                await Task.Delay(options.Value.SlowDelay, ct);
                break;
        }
        return TypedResults.Ok(await ledger.AuthorizeAsync(key, request, ct));
    }

    private static async Task<Results<Ok<ChargeResponse>, ProblemHttpResult>> CaptureAsync(string key, ProcessorLedger ledger, CancellationToken ct) =>
        await ledger.CaptureAsync(key, ct) is { } charge
            ? TypedResults.Ok(charge)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to capture",
                detail: $"No authorized charge for key '{key}'.");

    private static async Task<Results<Ok<ChargeResponse>, ProblemHttpResult>> RefundAsync(string key, ProcessorLedger ledger, CancellationToken ct) =>
        await ledger.RefundAsync(key, ct) is { } charge
            ? TypedResults.Ok(charge)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such charge", detail: $"No charge for key '{key}'.");
}
