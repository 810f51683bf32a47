using ECommerce.Contracts;

namespace ECommerce.Payment.Tests;

internal static class Charges
{
    public static ChargePayment For(string cardToken, decimal amount = 42.50m) => new(Guid.NewGuid(), "user-1", amount, "USD", cardToken);
}
