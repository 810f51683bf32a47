namespace ECommerce.Identity.Api.Registration;

public sealed record RegisterResponse(string UserId);
