namespace ECommerce.DevHost;

/// <summary>A resource's log: every line goes to logs/&lt;name&gt;.log and, unless quiet, to the console with its prefix.</summary>
public sealed class ResourceLog : IDisposable
{
    private readonly StreamWriter _file;
    private readonly ConsoleView _console;
    private readonly string _prefix;
    private readonly bool _echo;
    private readonly Lock _lock = new();

    public ResourceLog(string path, ConsoleView console, string prefix, bool echo)
    {
        Path = path;
        _console = console;
        _prefix = prefix;
        _echo = echo;
        // Shared so tests and `tail -f` can read while it grows; appended so a restart keeps the earlier run.
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _file = new StreamWriter(stream) { AutoFlush = true };
    }

    public string Path { get; }

    /// <summary>A line of the resource's own output.</summary>
    public void Write(string line)
    {
        WriteFile(line);
        if (_echo) _console.WriteLine(_prefix + line);
    }

    /// <summary>DevHost's own remark about the resource: in the file only, the console shows state elsewhere.</summary>
    public void Note(string text) => WriteFile($"[devhost {DateTimeOffset.Now:HH:mm:ss.fff}] {text}");

    public IReadOnlyList<string> Tail(int count)
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = new Queue<string>(count);
            while (reader.ReadLine() is { } line)
            {
                if (lines.Count == count) lines.Dequeue();
                lines.Enqueue(line);
            }
            return lines.ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    public void Dispose()
    {
        lock (_lock) _file.Dispose();
    }

    private void WriteFile(string line)
    {
        lock (_lock)
        {
            try
            {
                _file.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line from a process that outlived the shutdown: nowhere left to write it.
            }
        }
    }
}
