using System.Net.Mail;

namespace ECommerce.Identity.Api.Registration;

/// <summary>The rules for a new account, as field errors in the shape of a validation problem (empty when valid).</summary>
public static class RegistrationValidator
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;

    public static Dictionary<string, string[]> Validate(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors["email"] = ["Email is required."];
        else if (email.Length > MaxEmailLength || !IsEmail(email)) errors["email"] = ["Email is not a valid email address."];

        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Password is required."];
        else if (request.Password.Length < MinPasswordLength)
            errors["password"] = [$"Password must be at least {MinPasswordLength} characters."];
        else if (request.Password.Length > MaxPasswordLength)
            errors["password"] = [$"Password must be at most {MaxPasswordLength} characters."];

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Name is required."];
        else if (name.Length > MaxNameLength) errors["name"] = [$"Name must be at most {MaxNameLength} characters."];
        return errors;
    }

    // A bare address (no display name, no comments) whose domain has a dot: what a sign-up form means by an email.
    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
