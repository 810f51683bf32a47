using System.Runtime.InteropServices;

namespace ECommerce.DevHost;

/// <summary>POSIX signals to any process: .NET's Process can only send SIGKILL.</summary>
public static class Signals
{
    public const int Kill = 9;
    public const int Term = 15;
    public const int Cont = 18;
    public const int Stop = 19;

    /// <returns>false when the process is already gone.</returns>
    public static bool Send(int pid, int signal) => SendSignal(pid, signal) == 0;

    /// <summary>
    /// Alive and not a zombie. A zombie still answers kill(0), and PID 1 here reaps late,
    /// so /proc's state letter is what tells a dead server from a running one.
    /// </summary>
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
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The process's command line, to tell our leftovers from a reused pid.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
