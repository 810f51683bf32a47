using System.Text.Json;
using System.Text.RegularExpressions;

namespace ECommerce.Product.Api.Admin;

/// <summary>Field errors of an admin write, keyed by camelCase field name (the <c>errors</c> of a 400 problem).</summary>
public static partial class ProductInputValidator
{
    public static Dictionary<string, string[]> Validate(ProductInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Sku) || !SkuPattern().IsMatch(input.Sku))
            errors["sku"] = ["sku is required: 3-40 characters of A-Z, 0-9 and '-'."];
        Text(errors, "name", input.Name, 200, required: true);
        Text(errors, "brand", input.Brand, 100, required: true);
        Text(errors, "category", input.Category, 100, required: true);
        Text(errors, "description", input.Description, 4000, required: false);
        if (input.Price is not { } price) errors["price"] = ["price is required."];
        else if (price < 0 || price > 1_000_000) errors["price"] = ["price must be between 0 and 1000000."];
        else if (decimal.Round(price, 2) != price) errors["price"] = ["price has at most 2 decimals."];
        if (input.Currency is { } currency && !CurrencyPattern().IsMatch(currency))
            errors["currency"] = ["currency is a 3-letter ISO code such as USD."];
        if (input.Rating is { } rating && (rating < 0 || rating > 5 || decimal.Round(rating, 1) != rating))
            errors["rating"] = ["rating is between 0 and 5 with one decimal."];
        if (input.ImageUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors["imageUrl"] = ["imageUrl must be an absolute http(s) URL."];
        if (input.Attributes is { } attributes && attributes.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            errors["attributes"] = ["attributes must be a JSON object."];
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors[field] = [$"{field} is required."];
        else if (value is { Length: var length } && length > max) errors[field] = [$"{field} has at most {max} characters."];
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,39}$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
