namespace ECommerce.Identity.Api.Registration;

public sealed record RegisterRequest(string? Email, string? Password, string? Name);
