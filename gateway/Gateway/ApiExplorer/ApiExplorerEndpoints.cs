using System.Text.Json.Nodes;
using ECommerce.Gateway.Proxy;

namespace ECommerce.Gateway.ApiExplorer;

/// <summary>
/// One API explorer (Swashbuckle's UI at /swagger) over every service's OpenAPI document, each fetched
/// through the gateway at /openapi/services/&lt;service&gt;.json with its server set to the gateway, so "Try it out"
/// goes through the same edge as real clients.
/// </summary>
public static class ApiExplorerEndpoints
{
    public static WebApplication MapApiExplorer(this WebApplication app)
    {
        var clusters = app.Services.GetRequiredService<ClusterDestinations>();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "ECommerce API";
            foreach (var id in clusters.ClusterIds.Order()) o.SwaggerEndpoint($"/openapi/services/{id}.json", id);
        });

        app.MapGet("/openapi/services/{service}.json", async Task<IResult> (string service, ClusterDestinations destinations,
            IHttpClientFactory httpClientFactory, HttpContext context) =>
        {
            if (destinations.Next(service) is not { } destination)
                return TypedResults.Problem($"No service named '{service}'.", statusCode: StatusCodes.Status404NotFound);
            var client = httpClientFactory.CreateClient("openapi");
            JsonNode document;
            try
            {
                document = JsonNode.Parse(await client.GetStringAsync(new Uri(destination.Address, "/openapi/v1.json"), context.RequestAborted))!;
            }
            catch (HttpRequestException ex)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: $"{service} did not serve its document");
            }
            document["servers"] = new JsonArray(new JsonObject { ["url"] = $"{context.Request.Scheme}://{context.Request.Host}" });
            return TypedResults.Text(document.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return app;
    }
}
