namespace ECommerce.DevHost;

/// <summary>
/// DevHost's folder (.devhost/ by default): servers' data (kept across runs), one log per resource,
/// devhost.json for tools and tests, and run.json, the record of what this run started.
/// </summary>
public sealed class StateFolder(string root)
{
    // --fresh deletes the folder: only ever one that DevHost made, never a folder passed by mistake.
    private const string Marker = ".devhost-state";

    public string Root { get; } = root;
    public string DataRoot => Path.Combine(Root, "data");
    public string LogRoot => Path.Combine(Root, "logs");
    public string StatusFile => Path.Combine(Root, "devhost.json");
    public string RunFile => Path.Combine(Root, "run.json");

    public string DataOf(string resource) => Path.Combine(DataRoot, resource);

    public string LogOf(string resource) => Path.Combine(LogRoot, resource + ".log");

    public void Create()
    {
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(LogRoot);
        File.WriteAllText(Path.Combine(Root, Marker), "Created by ECommerce.DevHost; --fresh deletes this folder.\n");
    }

    public void Wipe()
    {
        if (!Directory.Exists(Root)) return;
        if (!File.Exists(Path.Combine(Root, Marker)) && Directory.EnumerateFileSystemEntries(Root).Any())
            throw new InvalidOperationException($"{Root} is not a DevHost state folder (no {Marker}): refusing to wipe it.");
        Directory.Delete(Root, recursive: true);
    }
}
