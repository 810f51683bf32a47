using System.Text.Json;

namespace ECommerce.DevHost;

/// <summary>devhost.json: written once everything is up, rewritten on every state change, removed on a clean exit.</summary>
public sealed class StatusFile(string path, Func<DevHostStatus> status)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();
    private bool _enabled;

    public void Enable()
    {
        lock (_lock) _enabled = true;
        Write();
    }

    public DevHostStatus Current() => status();

    public void Write()
    {
        lock (_lock)
        {
            if (_enabled) AtomicFile.Write(path, JsonSerializer.Serialize(status(), Json));
        }
    }

    public void Delete()
    {
        lock (_lock)
        {
            _enabled = false;
            File.Delete(path);
        }
    }
}
