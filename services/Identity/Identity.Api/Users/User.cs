namespace ECommerce.Identity.Api.Users;

/// <summary>A user as stored; <see cref="Role"/> is <c>customer</c> or <c>admin</c>.</summary>
public sealed record User(
    Guid Id, string Email, string Name, string PasswordHash, string Role, int FailedLogins, DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);
