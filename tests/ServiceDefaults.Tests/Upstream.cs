using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ECommerce.ServiceDefaults.Tests;

/// <summary>A real upstream on a free port whose behaviour the test switches, counting the calls that reach it.</summary>
internal sealed class Upstream : IAsyncDisposable
{
    private TestApp _app = null!;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);
    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>Answers each call; by default 200 "fine".</summary>
    public Func<int, HttpContext, Task<IResult>> Behaviour { get; set; } = (_, _) => Task.FromResult<IResult>(Results.Ok("fine"));

    public static async Task<Upstream> StartAsync()
    {
        var upstream = new Upstream();
        // Typed as Func<..., Task<IResult>>: a lambda taking only HttpContext would bind as a RequestDelegate and drop the result.
        Func<HttpContext, Task<IResult>> handler = ctx => upstream.Behaviour(Interlocked.Increment(ref upstream._calls), ctx);
        upstream._app = await TestApp.StartAsync(app => app.Map("/{**path}", handler));
        return upstream;
    }

    /// <summary>Fails the first <paramref name="failures"/> calls with 503, then succeeds.</summary>
    public Upstream FailFirst(int failures)
    {
        Behaviour = (n, _) => Task.FromResult(n <= failures ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok("fine"));
        return this;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
