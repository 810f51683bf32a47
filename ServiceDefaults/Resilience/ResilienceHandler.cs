using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Runs every request of one named HttpClient through that client's pipeline.</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    private static readonly HashSet<HttpMethod> Idempotent =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Trace];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelines.IsIdempotent, Idempotent.Contains(request.Method));
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    var (handler, message) = state;
                    return await handler.SendCoreAsync(message, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                },
                context,
                (this, request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
