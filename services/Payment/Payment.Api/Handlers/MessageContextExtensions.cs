using ECommerce.Messaging;
using Npgsql;

namespace ECommerce.Payment.Api.Handlers;

internal static class MessageContextExtensions
{
    /// <summary>The handlers write in the lib's transaction (outbox and inbox are in paymentdb), so it must be there.</summary>
    public static NpgsqlTransaction RequireTransaction(this MessageContext context) =>
        context.Transaction ?? throw new InvalidOperationException("Payment's handlers need the outbox transaction (UseOutbox).");
}
