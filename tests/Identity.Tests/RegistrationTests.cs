using System.Net;

namespace ECommerce.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class RegistrationTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Register_creates_a_customer_with_a_hashed_password()
    {
        using var client = fixture.Client();
        var email = AuthClient.NewEmail();

        var answer = await client.RegisterAsync(email, "correct horse", "Ada Lovelace");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var userId = Guid.Parse(answer.Body.GetProperty("userId").GetString()!);
        Assert.Equal("customer", await fixture.Server.ScalarAsync<string>("SELECT role FROM users WHERE id = $1", userId));
        Assert.Equal("Ada Lovelace", await fixture.Server.ScalarAsync<string>("SELECT name FROM users WHERE id = $1", userId));
        var hash = await fixture.Server.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = $1", userId);
        Assert.DoesNotContain("correct horse", hash);
        Assert.True(hash.Length > 40);
    }

    [Fact]
    public async Task Register_with_an_email_that_exists_in_another_case_answers_409_problem()
    {
        using var client = fixture.Client();
        var email = AuthClient.NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await client.RegisterAsync(email, "correct horse")).Status);

        var again = await client.RegisterAsync(email.ToUpperInvariant(), "another password");

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("application/problem+json", again.ContentType);
        Assert.Equal(409, again.Body.GetProperty("status").GetInt32());
        Assert.True(again.Body.TryGetProperty("traceId", out _));
        Assert.Equal(1L, await fixture.Server.ScalarAsync<long>("SELECT count(*) FROM users WHERE lower(email) = lower($1)", email));
    }

    [Fact]
    public async Task Register_with_invalid_fields_answers_400_with_an_error_per_field()
    {
        using var client = fixture.Client();

        var answer = await client.RegisterAsync("not-an-email", "short", " ");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        var errors = answer.Body.GetProperty("errors");
        Assert.Contains("valid email", errors.GetProperty("email")[0].GetString());
        Assert.Contains("at least 8", errors.GetProperty("password")[0].GetString());
        Assert.Contains("required", errors.GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData(null, "correct horse", "Ann", "email")]
    [InlineData("ann@shop.test", null, "Ann", "password")]
    [InlineData("ann@shop.test", "1234567", "Ann", "password")]
    [InlineData("ann@shop.test", "correct horse", null, "name")]
    [InlineData("Ann <ann@shop.test>", "correct horse", "Ann", "email")]
    [InlineData("ann@localhost", "correct horse", "Ann", "email")]
    public async Task Register_rejects_each_invalid_field(string? email, string? password, string? name, string field)
    {
        using var client = fixture.Client();

        var answer = await client.RegisterAsync(email, password, name);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var errors = answer.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), answer.Text);
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task Register_with_a_malformed_body_answers_400_problem_not_500()
    {
        using var client = fixture.Client();

        var response = await client.Http.PostAsync("/api/auth/register",
            new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
