namespace ECommerce.Order.Api.Checkout;

/// <summary>Field errors keyed the way the client sent them (camelCase paths), for a 400 validation problem.</summary>
public static class CheckoutValidator
{
    public const int MaxIdempotencyKeyLength = 200;

    public static Dictionary<string, string[]> Validate(CheckoutRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A JSON body with shippingAddress and payment is required."];
            return errors;
        }
        var address = request.ShippingAddress;
        if (address is null) errors["shippingAddress"] = ["The shipping address is required."];
        else
        {
            Require(errors, "shippingAddress.name", address.Name, 200);
            Require(errors, "shippingAddress.line1", address.Line1, 200);
            Require(errors, "shippingAddress.city", address.City, 100);
            Require(errors, "shippingAddress.postalCode", address.PostalCode, 20);
            Require(errors, "shippingAddress.country", address.Country, 100);
        }
        if (request.Payment is null) errors["payment"] = ["The payment is required."];
        else Require(errors, "payment.cardToken", request.Payment.CardToken, 100);
        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["Required."];
        else if (value.Length > maxLength) errors[field] = [$"At most {maxLength} characters."];
    }
}
