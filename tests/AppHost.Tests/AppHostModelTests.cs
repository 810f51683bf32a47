using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using ECommerce.AppHost.Servers;

namespace ECommerce.AppHost.Tests;

/// <summary>The AppHost's model, built and not started: what each service needs, health, commands, modes.</summary>
public sealed class AppHostModelTests
{
    /// <summary>
    /// What each service references: its database, Redis, the event bus, the services it calls; identity also the
    /// admin password it seeds and the gateway's URL, the issuer its tokens name.
    /// </summary>
    public static readonly Dictionary<string, string[]> Needs = new()
    {
        ["identity"] = ["identitydb", "admin-password", "gateway"],
        ["product"] = ["identity", "productdb", "redis", "eventbus"],
        ["cart"] = ["identity", "redis", "eventbus", "product"],
        ["inventory"] = ["identity", "inventorydb", "eventbus"],
        ["payment"] = ["identity", "paymentdb", "eventbus"],
        ["order"] = ["identity", "orderdb", "eventbus", "product", "inventory", "payment", "cart"],
        ["gateway"] = ["redis", "identity", "product", "cart", "order", "inventory", "payment"],
    };

    [Fact]
    public async Task Every_service_references_exactly_what_it_needs_and_waits_for_every_server_it_references()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");

        Assert.Equal(Needs.Keys.Order(), model.Projects.Select(p => p.Name).Order());
        Assert.All(model.Projects, project =>
        {
            Assert.Equal(Needs[project.Name].Order(), AppHostModel.References(project).Order());
            var servers = AppHostModel.References(project).Where(r => model[r] is IResourceWithConnectionString);
            Assert.NotEmpty(servers);
            Assert.All(servers, server => Assert.Contains(server, AppHostModel.Waits(project)));
        });
    }

    [Fact]
    public async Task Every_process_has_a_health_check_and_the_run_once_steps_are_waited_for()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");
        // The two run-once steps (initdb, the frontends' build) end instead of turning healthy: their dependents wait for completion.
        var processes = AppHostModel.Processes(model).Where(r => r.Name is not ("postgres-init" or "frontends")).ToList();

        Assert.Equal(new[] { "eventbus", "eventbus-epmd", "postgres", "redis" }.Concat(Needs.Keys).Order(), processes.Select(r => r.Name).Order());
        Assert.All(processes, r => Assert.True(r.Annotations.OfType<HealthCheckAnnotation>().Any(), $"{r.Name} has no health check"));
        Assert.Contains("postgres-init", AppHostModel.Waits(model["postgres"]));
        Assert.Contains("eventbus-epmd", AppHostModel.Waits(model["eventbus"]));
        Assert.Contains("frontends", AppHostModel.Waits(model["gateway"]));
    }

    [Fact]
    public async Task Every_service_has_a_database_of_its_own_on_the_one_server()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");

        var databases = model.Resources.OfType<LocalPostgresDatabaseResource>().ToList();
        Assert.Equal(ServersBuilderExtensions.DatabaseNames.Order(), databases.Select(d => d.Name).Order());
        Assert.All(databases, d => Assert.Equal("postgres", d.Parent.Name));
        Assert.All(databases, d => Assert.Single(model.Projects, p => AppHostModel.References(p).Contains(d.Name)));
    }

    [Fact]
    public async Task Every_service_and_the_gateway_offer_the_fault_commands()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");
        string[] faults = [FaultCommands.Latency, FaultCommands.Errors, FaultCommands.DependenciesDown, FaultCommands.Clear];

        Assert.All(model.Projects, project =>
            Assert.Equal(faults.Order(), project.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).Where(n => n.StartsWith("fault-")).Order()));
    }

    [Fact]
    public async Task The_gateway_is_the_only_external_endpoint()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local");

        var external = model.Resources.Where(r => r.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal)).Select(r => r.Name);
        Assert.Equal(["gateway"], external);
    }

    [Fact]
    public async Task Local_mode_runs_the_servers_as_processes_and_container_mode_as_containers_under_the_same_names()
    {
        await using var local = await AppHostModel.BuildAsync("--servers", "local");
        await using var containers = await AppHostModel.BuildAsync("--servers", "container");

        Assert.IsType<LocalPostgresResource>(local["postgres"]);
        Assert.IsType<LocalRedisResource>(local["redis"]);
        Assert.IsType<LocalRabbitMQResource>(local["eventbus"]);
        Assert.All(new[] { "postgres", "redis", "eventbus" }, name => Assert.IsAssignableFrom<ContainerResource>(containers[name]));
        // The services see the same connection-string names either way.
        Assert.All(containers.Projects, p => Assert.Equal(Needs[p.Name].Order(), AppHostModel.References(p).Order()));
        Assert.Equal("local", await ((ParameterResource)local["servers"]).GetValueAsync(default));
        Assert.Equal("container", await ((ParameterResource)containers["servers"]).GetValueAsync(default));
    }

    [Fact]
    public async Task In_container_mode_PostgreSQL_keeps_its_data_in_a_persistent_volume()
    {
        await using var containers = await AppHostModel.BuildAsync("--servers", "container");
        var postgres = containers["postgres"];

        Assert.Contains(postgres.Annotations.OfType<ContainerMountAnnotation>(), m => m.Type == ContainerMountType.Volume);
        Assert.Equal(ContainerLifetime.Persistent, Assert.Single(postgres.Annotations.OfType<ContainerLifetimeAnnotation>()).Lifetime);
    }

    [Fact]
    public async Task The_servers_topology_declares_only_the_servers()
    {
        await using var model = await AppHostModel.BuildAsync("--servers", "local", "--topology", "servers");

        Assert.Empty(model.Projects);
        Assert.All(new[] { "postgres", "redis", "eventbus" }, name => Assert.Contains(model.Resources, r => r.Name == name));
    }
}
