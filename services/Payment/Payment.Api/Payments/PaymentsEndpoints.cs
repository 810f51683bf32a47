using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Payment.Api.Payments;

public static class PaymentsEndpoints
{
    private const int MaxRows = 100;

    /// <summary><c>GET /api/payments?orderId</c> (admin): one order's payment, or the newest payments.</summary>
    public static RouteGroupBuilder MapPaymentsEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin).WithSummary("Payments, newest first");
        return group;
    }

    private static async Task<IResult> ListAsync(string? orderId, PaymentStore store, CancellationToken ct)
    {
        Guid? id = null;
        if (!string.IsNullOrEmpty(orderId))
        {
            if (!Guid.TryParse(orderId, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orderId"] = ["orderId must be a GUID."] });
            id = parsed;
        }
        var payments = await store.ListAsync(id, MaxRows, ct);
        return TypedResults.Ok(payments.Select(PaymentSummary.From));
    }
}
