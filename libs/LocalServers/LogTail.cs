namespace ECommerce.LocalServers;

/// <summary>The last lines of a server's logs, so a failed start explains itself without a trip to the state folder.</summary>
internal static class LogTail
{
    public static string Of(params string[] files)
    {
        var parts = files
            .Where(File.Exists)
            .Select(f => $"--- tail of {f} ---{Environment.NewLine}{string.Join(Environment.NewLine, LastLines(f, 30))}");
        var text = string.Join(Environment.NewLine, parts);
        return text.Length == 0 ? "(no log written)" : text;
    }

    public static string Failure(ILocalServer server, string what, params string[] logs) =>
        $"{server.Name} (port {server.Port}, state {server.StateDirectory}): {what}{Environment.NewLine}{Of(logs)}";

    private static IEnumerable<string> LastLines(string file, int count)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - 16_384), SeekOrigin.Begin);
            var lines = new StreamReader(stream).ReadToEnd().Split('\n');
            return lines.TakeLast(count + 1).Where(l => l.Length > 0);
        }
        catch (IOException e) { return [e.Message]; }
    }
}
