namespace ECommerce.DevHost;

/// <summary>Readers (tests, scripts) polling a file must never see it half written.</summary>
public static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
