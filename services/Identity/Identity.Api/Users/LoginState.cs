namespace ECommerce.Identity.Api.Users;

/// <summary>What a sign-in attempt leaves behind on the account.</summary>
public sealed record LoginState(int FailedLogins, DateTimeOffset? LockedUntil);
