using System.Reflection;

namespace ECommerce.DevHost;

/// <summary>Where the repository is and which build of it to run.</summary>
public sealed record Repository(string Root, string Configuration)
{
    public static Repository Locate()
    {
        var root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException(
                $"Cannot find the repository (a folder with ECommerce.sln) above {AppContext.BaseDirectory} or the current directory.");
        // Run the services from the same configuration DevHost was built in: run.sh builds them all together.
        var configuration = typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        return new Repository(root, string.IsNullOrEmpty(configuration) ? "Debug" : configuration);
    }

    /// <summary>The assembly a project's build leaves behind: bin/&lt;Configuration&gt;/net10.0/ECommerce.&lt;Project&gt;.dll.</summary>
    public string AssemblyOf(ResourceSpec project) =>
        Path.Combine(Root, project.ProjectPath!, "bin", Configuration, "net10.0", project.AssemblyFile!);

    public string DirectoryOf(ResourceSpec project) => Path.Combine(Root, project.ProjectPath!);

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln"))) return dir.FullName;
            // Before the solution exists, the central props and this project mark the root as well.
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))
                && File.Exists(Path.Combine(dir.FullName, "DevHost", "DevHost.csproj")))
                return dir.FullName;
        }
        return null;
    }
}
