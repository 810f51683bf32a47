namespace ECommerce.DevHost;

/// <summary>
/// HTTP on 127.0.0.1 for tests, scripts and fault scenarios: list resources and stop, start, restart,
/// kill, pause or resume any of them. Errors are problem+json.
/// </summary>
public static class ControlApi
{
    public static WebApplication Create(int port, Orchestrator host, CancellationToken stopping)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseStatusCodePages();
        var resources = app.MapGroup("/resources");
        resources.MapGet("/", () => TypedResults.Ok(host.Resources.Select(r => r.Snapshot())));
        resources.MapGet("/{name}", (string name) =>
            host.TryFind(name, out var resource) ? Results.Ok(resource.Snapshot()) : UnknownResource(name, host));

        MapVerb(resources, "stop", (r, ct) => r.StopAsync(ct));
        MapVerb(resources, "start", (r, ct) => r.StartAsync(ct));
        MapVerb(resources, "restart", (r, ct) => r.RestartAsync(ct));
        MapVerb(resources, "kill", (r, ct) => r.KillAsync(ct));
        MapVerb(resources, "pause", (r, ct) => r.PauseAsync(ct));
        MapVerb(resources, "resume", (r, ct) => r.ResumeAsync(ct));
        return app;

        void MapVerb(RouteGroupBuilder group, string verb, Func<RunningResource, CancellationToken, Task> action) =>
            group.MapPost($"/{{name}}/{verb}", async (string name) =>
            {
                if (!host.TryFind(name, out var resource)) return UnknownResource(name, host);
                try
                {
                    // Not the request's token: a client that gives up must not leave a resource half started.
                    await action(resource, stopping);
                    return Results.Ok(resource.Snapshot());
                }
                catch (ResourceOperationException e)
                {
                    return Results.Problem(title: $"Cannot {verb} '{name}'", detail: e.Message, statusCode: e.StatusCode);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Results.Problem(title: $"Cannot {verb} '{name}'", detail: e.Message, statusCode: 503);
                }
            });
    }

    private static IResult UnknownResource(string name, Orchestrator host) => Results.Problem(
        title: "Unknown resource",
        detail: $"No resource is named '{name}'. Known: {string.Join(", ", host.Resources.Select(r => r.Name))}.",
        statusCode: StatusCodes.Status404NotFound);
}
