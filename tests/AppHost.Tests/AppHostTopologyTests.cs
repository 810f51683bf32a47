using ECommerce.DevHost;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// AppHost (Aspire, F5) and DevHost (no containers) must run the same system. AppHost cannot be built here,
/// so its Program.cs is read as source and compared with DevHost's Topology.Build().
/// </summary>
public sealed class AppHostTopologyTests
{
    /// <summary>Set to a folder (e.g. an altered copy of AppHost/) to run the two pinning tests against it instead.</summary>
    public const string AppHostDirectoryVariable = "ECOMMERCE_APPHOST_DIR";

    private static string AppHostUnderTest =>
        Environment.GetEnvironmentVariable(AppHostDirectoryVariable) is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : RepositoryRoot.AppHostDirectory;

    [Fact]
    public void AppHost_declares_the_same_topology_as_DevHost()
    {
        var differences = TopologyComparison.Compare(Topology.Build(), AppHostModel.Load(AppHostUnderTest));

        Assert.True(differences.Count == 0,
            $"{AppHostUnderTest}/Program.cs and DevHost/Topology.cs have drifted apart (change both in the same commit):"
            + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  - " + d)));
    }

    [Fact]
    public void AppHost_declares_every_resource_kind_of_DevHost()
    {
        var appHost = AppHostModel.Load(AppHostUnderTest);

        // Guards the comparison itself: a reader that found nothing would make the test above pass vacuously.
        Assert.Equal(Topology.Build().Resources.Count, appHost.Resources.Count);
        Assert.Equal(Enum.GetValues<ResourceKind>().Order(), appHost.Resources.Select(r => r.Kind).Distinct().Order());
    }

    [Theory]
    [InlineData("AddRabbitMQ(\"eventbus\")", "AddRabbitMQ(\"messagebus\")",
        "'eventbus' (RabbitMQ) is declared in DevHost/Topology.cs but not in AppHost/Program.cs",
        "'messagebus' (RabbitMQ) is declared in AppHost/Program.cs but not in DevHost/Topology.cs")]
    [InlineData("AddDatabase(\"paymentdb\")", "AddDatabase(\"paymentsdb\")",
        "'paymentdb' (Database) is declared in DevHost/Topology.cs but not in AppHost/Program.cs",
        "'paymentsdb' (Database) is declared in AppHost/Program.cs but not in DevHost/Topology.cs")]
    public void A_resource_renamed_only_in_AppHost_is_reported(string find, string replace, string missing, string extra)
    {
        using var copy = AlteredAppHost.Create("Program.cs", find, replace);

        var differences = TopologyComparison.Compare(Topology.Build(), AppHostModel.Load(copy.Directory));

        Assert.Contains(missing, differences);
        Assert.Contains(extra, differences);
    }

    [Theory]
    [InlineData(".WithReference(orderDb).WaitFor(orderDb)", ".WithReference(orderDb)",
        "'order' waits for 'orderdb' in DevHost but not in AppHost")]
    [InlineData(".WithReference(payment)\n    .WithReference(cart)", ".WithReference(payment)",
        "'order' references 'cart' in DevHost but not in AppHost")]
    [InlineData(".WithExternalHttpEndpoints()", "",
        "'gateway' has an external HTTP endpoint in DevHost but not in AppHost")]
    [InlineData(".WithExternalHttpEndpoints()\n    .WithHttpHealthCheck(\"/health\")", ".WithExternalHttpEndpoints()",
        "'gateway' has no WithHttpHealthCheck(\"/health\") in AppHost, while DevHost waits for /health")]
    [InlineData("identity.WithEnvironment(\"Identity__Issuer\", gateway.GetEndpoint(\"http\"));", "",
        "'identity' sets Identity__Issuer in DevHost but not in AppHost")]
    [InlineData(".WithManagementPlugin()", "",
        "'eventbus' has the management plugin in DevHost but not in AppHost")]
    [InlineData("AddProject<Projects.Payment_Api>", "AddProject<Projects.Payments_Api>",
        "'payment' runs services/Payment/Payment.Api/Payment.Api.csproj in DevHost, so AppHost should add Projects.Payment_Api, not Projects.Payments_Api")]
    public void A_declaration_changed_only_in_AppHost_is_reported(string find, string replace, string expected)
    {
        using var copy = AlteredAppHost.Create("Program.cs", find, replace);

        var differences = TopologyComparison.Compare(Topology.Build(), AppHostModel.Load(copy.Directory));

        Assert.Equal([expected], differences);
    }

    [Fact]
    public void A_project_missing_from_AppHost_csproj_is_reported()
    {
        using var copy = AlteredAppHost.Create("AppHost.csproj",
            "<ProjectReference Include=\"$(RepoRoot)services/Cart/Cart.Api/Cart.Api.csproj\" />", "");

        var differences = TopologyComparison.Compare(Topology.Build(), AppHostModel.Load(copy.Directory));

        Assert.Equal(["AppHost/AppHost.csproj has no ProjectReference to services/Cart/Cart.Api/Cart.Api.csproj ('cart')"], differences);
    }
}
