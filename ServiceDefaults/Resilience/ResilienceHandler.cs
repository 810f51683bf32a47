using Polly;

namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>Runs every request of one dependency's HttpClient through that dependency's pipeline.</summary>
public sealed class ResilienceHandler(HttpResiliencePipelines pipelines, string dependency) : DelegatingHandler
{
    /// <summary>Key in <see cref="Exception.Data"/> naming the dependency that rejected a call.</summary>
    public const string DependencyKey = "ecommerce.dependency";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelines.IsIdempotent, request.IsIdempotent());
        try
        {
            return await pipelines.For(dependency).ExecuteAsync(
                static async (ctx, state) =>
                {
                    var (handler, message, logical) = state;
                    // Service discovery rewrites the address; each attempt starts from the logical one so a retry
                    // can go to the next instance.
                    message.RequestUri = logical;
                    return await handler.SendCoreAsync(message, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                },
                context,
                (this, request, request.RequestUri));
        }
        catch (ExecutionRejectedException rejected)
        {
            rejected.Data[DependencyKey] = dependency;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
