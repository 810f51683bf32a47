using System.Runtime.InteropServices;

namespace ECommerce.LocalServers;

/// <summary>Process facts read from /proc and signals sent with libc's kill(2).</summary>
internal static class Posix
{
    public const int SigKill = 9, SigTerm = 15, SigCont = 18, SigStop = 19;

    public static bool IsRoot => geteuid() == 0;

    public static int? ReadPidFile(string path)
    {
        try
        {
            var first = File.ReadLines(path).FirstOrDefault();
            return int.TryParse(first?.Trim(), out var pid) && pid > 1 ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Alive and not a zombie: an exited daemon stays a zombie until PID 1 gets round to reaping it. Every thread
    /// counts: after a SIGKILL the main thread turns zombie first, and the sockets close only with the last one.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .Any(task => StatFields($"{task}/stat") is [[var state, ..], ..] && state is not ('Z' or 'X'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// Guards against pid reuse: the process works in the state folder. Every server process does (postgres in
    /// its data folder, redis in its --dir, the broker where it was launched); the command line is no test, as
    /// "/x/redis-1" is a prefix of "/x/redis-10".
    /// </summary>
    public static bool BelongsTo(int pid, string stateDirectory)
    {
        try
        {
            var cwd = Directory.ResolveLinkTarget($"/proc/{pid}/cwd", false)?.FullName;
            return cwd is not null && (cwd == stateDirectory || cwd.StartsWith(stateDirectory + "/", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static bool IsOurs(int? pid, string stateDirectory) =>
        pid is { } p && IsRunning(p) && BelongsTo(p, stateDirectory);

    /// <summary>
    /// Signals the process, its process group when that belongs to the state folder too (rabbitmq's setsid
    /// wrapper), and all its descendants: postgres backends each call setsid, so a group signal would miss them.
    /// </summary>
    public static void SignalTree(int pid, int signal, string stateDirectory)
    {
        var descendants = Descendants(pid);
        SignalGroup(pid, signal, stateDirectory);
        foreach (var target in descendants) kill(target, signal);
    }

    /// <summary>The process and its group, without the walk through /proc that finding descendants takes.</summary>
    public static void SignalGroup(int pid, int signal, string stateDirectory)
    {
        var group = getpgid(pid);
        if (group > 1 && group != getpgid(0) && (group == pid || BelongsTo(group, stateDirectory))) kill(-group, signal);
        kill(pid, signal);
    }

    public static void Signal(int pid, int signal) => kill(pid, signal);

    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } ppid) parents[pid] = ppid;
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }

    private static int? ParentOf(int pid) =>
        StatFields($"/proc/{pid}/stat") is { Length: > 1 } f && int.TryParse(f[1], out var ppid) ? ppid : null;

    // A stat file is "pid (comm) state ppid ...", and comm may itself hold spaces or parentheses.
    private static string[]? StatFields(string path)
    {
        try
        {
            var stat = File.ReadAllText(path);
            return stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true)]
    private static extern int getpgid(int pid);

    [DllImport("libc")]
    private static extern uint geteuid();
}
