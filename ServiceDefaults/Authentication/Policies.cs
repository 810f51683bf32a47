namespace ECommerce.ServiceDefaults.Authentication;

/// <summary>The authorization policies of API.md; route groups name them.</summary>
public static class Policies
{
    /// <summary>Any signed-in user (an admin may do what a customer may).</summary>
    public const string Customer = "customer";

    public const string Admin = "admin";

    /// <summary>No token needed (gateway routes only; endpoints use AllowAnonymous).</summary>
    public const string Anonymous = "anonymous";
}

public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
}

public static class Claims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
    public const string Name = "name";
}
