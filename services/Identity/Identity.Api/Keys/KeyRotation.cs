namespace ECommerce.Identity.Api.Keys;

/// <summary>The result of a rotation: the key that signs from now on, and the one it replaced (still published).</summary>
public sealed record KeyRotation(string ActiveKid, string? RetiredKid);
