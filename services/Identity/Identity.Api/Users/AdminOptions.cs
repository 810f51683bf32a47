namespace ECommerce.Identity.Api.Users;

/// <summary>The seeded administrator; bound from <c>Identity</c>. No password configured: no admin is created.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Identity";

    public string AdminEmail { get; set; } = "admin@shop.local";

    public string AdminName { get; set; } = "Administrator";

    public string? AdminPassword { get; set; }
}
