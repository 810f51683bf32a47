using System.Runtime.Versioning;
using ECommerce.AppHost.Servers;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// How the AppHost picks local processes or containers: it asks the container runtime (<c>docker info</c>). The
/// runtime here is a script on a PATH of the test's own, answering yes or no.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ServerModeTests
{
    [Theory]
    [InlineData(1, ServerMode.Local)]
    [InlineData(0, ServerMode.Container)]
    public void Auto_chooses_containers_only_when_a_container_runtime_answers(int dockerInfoExitCode, string expected)
    {
        var bin = Directory.CreateTempSubdirectory("fake-docker-").FullName;
        var docker = Path.Combine(bin, "docker");
        File.WriteAllText(docker, $"#!/bin/sh\nexit {dockerInfoExitCode}\n");
        File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var path = Environment.GetEnvironmentVariable("PATH");
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME");
        try
        {
            Environment.SetEnvironmentVariable("PATH", bin);
            Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", null);

            Assert.Equal(expected, ServerMode.Resolve(null));
            Assert.Equal(expected, ServerMode.Resolve("auto"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", runtime);
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    public void No_runtime_installed_at_all_means_local_processes()
    {
        var empty = Directory.CreateTempSubdirectory("no-docker-").FullName;
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", empty);
            Assert.Equal(ServerMode.Local, ServerMode.Resolve(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("local", ServerMode.Local)]
    [InlineData("Container", ServerMode.Container)]
    public void The_switch_overrides_the_choice(string requested, string expected) =>
        Assert.Equal(expected, ServerMode.Resolve(requested));

    [Fact]
    public void An_unknown_mode_is_refused_with_the_choices() =>
        Assert.Contains("auto, local or container", Assert.Throws<ArgumentException>(() => ServerMode.Resolve("vm")).Message);
}

/// <summary>Tests that change the process's PATH run alone (building a model starts processes too).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
