namespace ECommerce.AppHost.Tests;

/// <summary>A copy of AppHost's sources in a temporary folder with one deliberate change; deleted on dispose.</summary>
public sealed class AlteredAppHost : IDisposable
{
    private static readonly string[] Files = ["Program.cs", "appsettings.json", "AppHost.csproj"];

    private AlteredAppHost(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Copies AppHost/ with <paramref name="find"/> (which must occur exactly once) replaced in <paramref name="file"/>.</summary>
    public static AlteredAppHost Create(string file, string find, string replace)
    {
        var copy = new AlteredAppHost(System.IO.Directory.CreateTempSubdirectory("apphost-").FullName);
        foreach (var name in Files)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.AppHostDirectory, name)).ReplaceLineEndings("\n");
            if (name == file)
            {
                Assert.True(text.Split(find).Length == 2, $"AppHost/{file} should contain '{find}' exactly once for this test.");
                text = text.Replace(find, replace);
            }
            File.WriteAllText(Path.Combine(copy.Directory, name), text);
        }
        return copy;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
