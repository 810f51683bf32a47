using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The AppHost's resources as its Program.cs declares them, built with Aspire.Hosting.Testing without starting
/// anything (the builder is taken before Build). State goes to a temporary folder, deleted on dispose.
/// </summary>
public sealed class AppHostModel : IAsyncDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder;
    private readonly string _state;

    private AppHostModel(IDistributedApplicationTestingBuilder builder, string state) => (_builder, _state) = (builder, state);

    public IResourceCollection Resources => _builder.Resources;

    public IEnumerable<ProjectResource> Projects => Resources.OfType<ProjectResource>();

    public IResource this[string name] => Resources.Single(r => r.Name == name);

    public static async Task<AppHostModel> BuildAsync(params string[] args)
    {
        var state = Directory.CreateTempSubdirectory("apphost-model-").FullName;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--ports", "auto", "--state", state, .. args]);
        return new AppHostModel(builder, state);
    }

    /// <summary>
    /// The processes that start with the AppHost: projects and executables, not Aspire's own per-project
    /// <c>-rebuilder</c> helpers, which start only on the Rebuild command.
    /// </summary>
    public static IEnumerable<IResource> Processes(AppHostModel model) =>
        model.Resources.Where(r => r is ProjectResource or ExecutableResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any());

    /// <summary>The names of the resources <paramref name="resource"/> references (WithReference, or a value in its environment).</summary>
    public static IEnumerable<string> References(IResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource.Name).Distinct();

    /// <summary>The names of the resources <paramref name="resource"/> waits for before it starts (WaitFor, WaitForCompletion).</summary>
    public static IEnumerable<string> Waits(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Distinct();

    public async ValueTask DisposeAsync()
    {
        await _builder.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
