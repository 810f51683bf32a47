namespace ECommerce.AppHost.Tests;

public static class RepositoryRoot
{
    /// <summary>The folder with ECommerce.sln above the test's base directory.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ECommerce.sln above {AppContext.BaseDirectory}.");
    }

    public static string AppHostDirectory => Path.Combine(Locate(), "AppHost");
}
