using System.Runtime.InteropServices;

namespace ECommerce.SystemInfrastructure;

/// <summary>
/// POSIX signals to a resource's process and everything under it (.NET's Process sends only SIGKILL, and a project may
/// run under a launcher process): what pause, resume and a hard kill need beyond the AppHost's Stop/Start/Restart.
/// </summary>
public static class ProcessTree
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Cont = 18;
    public const int Stop = 19;

    /// <summary>Signals the process, then its descendants (found through /proc before any of them is signalled).</summary>
    public static void Signal(int pid, int signal)
    {
        foreach (var member in WithDescendants(pid)) _ = SendSignal(member, signal);
    }

    /// <summary>Signals the one process (as Ctrl+C signals the AppHost run from a shell); false when it is gone.</summary>
    public static bool SignalOnly(int pid, int signal) => SendSignal(pid, signal) == 0;

    public static IReadOnlyList<int> WithDescendants(int pid)
    {
        var all = new List<int> { pid };
        for (var i = 0; i < all.Count; i++) all.AddRange(Children(all[i]));
        return all;
    }

    /// <summary>Alive and not a zombie: a zombie still answers kill(0), /proc's state letter tells.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return [];
        }
        var children = new List<int>();
        foreach (var task in tasks)
        {
            try
            {
                foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    children.Add(int.Parse(child));
            }
            catch (IOException)
            {
            }
        }
        return children;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
