using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api.Clients;

/// <summary>Refuses to start with a confidential client that has no usable secret or role.</summary>
public sealed class ClientsOptionsValidator : IValidateOptions<ClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientsOptions options)
    {
        var problems = new List<string>();
        foreach (var (id, client) in options.Clients)
        {
            if (client.Public) continue;
            if (string.IsNullOrEmpty(client.Secret) && !IsSha256Hex(client.SecretHash))
                problems.Add($"Identity:Clients:{id} is confidential and needs Secret or SecretHash (64 hex digits of SHA-256).");
            if (string.IsNullOrWhiteSpace(client.Role))
                problems.Add($"Identity:Clients:{id} is confidential and needs a Role for its tokens.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
