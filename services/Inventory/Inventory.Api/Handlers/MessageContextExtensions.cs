using ECommerce.Messaging;
using Npgsql;

namespace ECommerce.Inventory.Api.Handlers;

internal static class MessageContextExtensions
{
    /// <summary>The handlers write in the lib's transaction (outbox and inbox are in inventorydb), so it must be there.</summary>
    public static NpgsqlTransaction RequireTransaction(this MessageContext context) =>
        context.Transaction ?? throw new InvalidOperationException("Inventory's handlers need the outbox transaction (UseOutbox).");
}
