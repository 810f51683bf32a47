namespace ECommerce.Identity.Api.Keys;

/// <summary>How signing keys are made and rotated; bound from <c>Identity</c>.</summary>
public sealed class SigningKeyOptions
{
    public const string SectionName = "Identity";

    /// <summary><c>RS256</c> or <c>ES256</c>, for keys created from now on.</summary>
    public string SigningAlgorithm { get; set; } = SigningAlgorithms.RS256;

    /// <summary>A key older than this is replaced by a new one (the old one stays published until its tokens expire).</summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an instance trusts its copy of the keys before reading the database again.</summary>
    public TimeSpan SigningKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
