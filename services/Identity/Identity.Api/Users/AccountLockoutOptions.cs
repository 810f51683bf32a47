namespace ECommerce.Identity.Api.Users;

/// <summary>Failed sign-ins in a row that lock an account, and for how long; bound from <c>Identity:Lockout</c>.</summary>
public sealed class AccountLockoutOptions
{
    public const string SectionName = "Identity:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
}
