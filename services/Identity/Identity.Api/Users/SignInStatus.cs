namespace ECommerce.Identity.Api.Users;

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}
