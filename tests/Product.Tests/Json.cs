using System.Net;
using System.Text.Json;

namespace ECommerce.Product.Tests;

internal static class Json
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadAsync(expected);
    }

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static List<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static decimal Dec(this JsonElement e, string property) => e.GetProperty(property).GetDecimal();

    public static long Long(this JsonElement e, string property) => e.GetProperty(property).GetInt64();
}
