using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ECommerce.Identity.Tests;

/// <summary>The identity API as a client calls it, answers parsed.</summary>
public sealed class AuthClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static string NewEmail(string prefix = "user") => $"{ECommerce.TestInfrastructure.TestServers.NewName(prefix)}@shop.test";

    public async Task<Answer> RegisterAsync(string? email, string? password, string? name = "Test User") =>
        await Answer.ReadAsync(await http.PostAsJsonAsync("/api/auth/register", new { email, password, name }));

    /// <summary>A new customer; returns its email and id.</summary>
    public async Task<(string Email, string UserId)> NewUserAsync(string password = "correct horse")
    {
        var email = NewEmail();
        var answer = await RegisterAsync(email, password);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return (email, answer.Body.GetProperty("userId").GetString()!);
    }

    public async Task<Answer> TokenAsync(params (string Name, string Value)[] form) => await TokenAsync(form, null);

    public async Task<Answer> TokenAsync((string Name, string Value)[] form, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = authorization;
        return await Answer.ReadAsync(await http.SendAsync(request));
    }

    public Task<Answer> PasswordAsync(string email, string password, string? clientId = null) => TokenAsync(
        [("grant_type", "password"), ("username", email), ("password", password), .. clientId is null ? [] : new[] { ("client_id", clientId) }]);

    public Task<Answer> RefreshAsync(string refreshToken, string? clientId = null) => TokenAsync(
        [("grant_type", "refresh_token"), ("refresh_token", refreshToken), .. clientId is null ? [] : new[] { ("client_id", clientId) }]);

    public Task<Answer> ClientCredentialsAsync(string clientId, string secret, string? scope = null) => TokenAsync(
        [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), .. scope is null ? [] : new[] { ("scope", scope) }]);

    /// <summary>Signs in and returns the access and refresh tokens, asserting success.</summary>
    public async Task<(string AccessToken, string RefreshToken)> SignInAsync(string email, string password = "correct horse", string? clientId = null)
    {
        var answer = await PasswordAsync(email, password, clientId);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return (answer.Body.GetProperty("access_token").GetString()!, answer.Body.GetProperty("refresh_token").GetString()!);
    }

    public async Task<Answer> RevokeAsync(string token) =>
        await Answer.ReadAsync(await http.PostAsync("/api/auth/revoke", new FormUrlEncodedContent([KeyValuePair.Create("token", token)])));

    public async Task<Answer> GetAsync(string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Answer.ReadAsync(await http.SendAsync(request));
    }

    public Task<Answer> MeAsync(string? bearer) => GetAsync("/api/auth/me", bearer);

    public async Task<Answer> RotateKeysAsync(string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/keys/rotate");
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Answer.ReadAsync(await http.SendAsync(request));
    }

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    public void Dispose() => http.Dispose();

    /// <summary>A response: status, headers, and the body as JSON (an empty object when there is none).</summary>
    public sealed record Answer(HttpStatusCode Status, HttpResponseMessage Response, JsonElement Body, string Text)
    {
        public string? Error => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("error", out var e) ? e.GetString() : null;

        public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return new Answer(response.StatusCode, response, json.RootElement.Clone(), text);
        }

        public override string ToString() => $"{(int)Status} {Text}";
    }
}
