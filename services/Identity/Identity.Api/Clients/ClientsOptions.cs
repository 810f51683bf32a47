namespace ECommerce.Identity.Api.Clients;

/// <summary>The OAuth clients by client_id; bound from <c>Identity</c> (<c>Identity:Clients:&lt;client_id&gt;:...</c>).</summary>
public sealed class ClientsOptions
{
    public const string SectionName = "Identity";

    public Dictionary<string, ClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);
}
