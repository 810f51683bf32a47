using System.Text.Json.Nodes;
using ECommerce.Gateway.Forwarding;
using Yarp.ReverseProxy;

namespace ECommerce.Gateway.ApiExplorer;

/// <summary>
/// One API explorer (Swashbuckle's UI at /swagger) over every service's OpenAPI document, each fetched
/// through the gateway at /openapi/services/&lt;service&gt;.json (from an available destination of the service's
/// cluster) with its server set to the gateway, so "Try it out" goes through the same edge as real clients.
/// </summary>
public static class ApiExplorerEndpoints
{
    public const string ClientName = "openapi";

    public static WebApplication MapApiExplorer(this WebApplication app)
    {
        var clusters = app.Configuration.GetSection($"{ForwardingExtensions.SectionName}:Clusters").GetChildren().Select(c => c.Key);
        // Only /swagger/... meets the UI's middleware: the proxied traffic does not pay for its path checks.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), ui => ui.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "ECommerce API";
            foreach (var id in clusters.Order()) o.SwaggerEndpoint($"/openapi/services/{id}.json", id);
        }));

        app.MapGet("/openapi/services/{service}.json", async Task<IResult> (string service, IProxyStateLookup proxy,
            IHttpClientFactory httpClientFactory, HttpContext context) =>
        {
            if (!proxy.TryGetCluster(service, out var cluster))
                return TypedResults.Problem($"No service named '{service}'.", statusCode: StatusCodes.Status404NotFound);
            var destination = cluster.DestinationsState.AvailableDestinations.FirstOrDefault() ?? cluster.Destinations.Values.FirstOrDefault();
            if (destination is null)
                return TypedResults.Problem($"'{service}' has no instance.", statusCode: StatusCodes.Status503ServiceUnavailable);
            JsonNode document;
            try
            {
                var address = new Uri(destination.Model.Config.Address.TrimEnd('/') + "/openapi/v1.json");
                document = JsonNode.Parse(await httpClientFactory.CreateClient(ClientName).GetStringAsync(address, context.RequestAborted))!;
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
