namespace ECommerce.Identity.Api.Users;

public sealed record MeResponse(string UserId, string Email, string Name, string Role);
