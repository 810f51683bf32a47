namespace ECommerce.DevHost;

/// <summary>
/// The one writer of the console. Log lines from many processes arrive on many threads; a footer
/// (the start-up progress) stays under them on a terminal and is redrawn after every line.
/// </summary>
public sealed class ConsoleView
{
    private static readonly string[] Palette = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94", "91", "37"];

    private readonly Lock _lock = new();
    private Func<IReadOnlyList<string>>? _footer;
    private int _footerLines;

    /// <summary>A terminal gets colours and a live footer; a pipe or file gets plain lines.</summary>
    public bool IsTerminal { get; } = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public void WriteLine(string text = "")
    {
        lock (_lock)
        {
            EraseFooter();
            Console.Out.WriteLine(text);
            DrawFooter();
        }
    }

    public void WriteError(string text) => WriteLine(IsTerminal ? $"\e[31m{text}\e[0m" : text);

    /// <summary>The prefix a resource's lines carry: its name, padded, in its own colour.</summary>
    public string Prefix(string name, int index, int width)
    {
        var label = name.PadRight(width) + " | ";
        return IsTerminal ? $"\e[{Palette[index % Palette.Length]}m{label}\e[0m" : label;
    }

    public string Bold(string text) => IsTerminal ? $"\e[1m{text}\e[0m" : text;

    public void ShowFooter(Func<IReadOnlyList<string>> render)
    {
        lock (_lock)
        {
            _footer = render;
            DrawFooter();
        }
    }

    public void RefreshFooter()
    {
        lock (_lock)
        {
            EraseFooter();
            DrawFooter();
        }
    }

    /// <summary>Leaves the footer's last rendering in place as ordinary output.</summary>
    public void HideFooter()
    {
        lock (_lock)
        {
            EraseFooter();
            DrawFooter();
            _footer = null;
            _footerLines = 0;
        }
    }

    private void EraseFooter()
    {
        if (_footerLines == 0) return;
        Console.Out.Write($"\e[{_footerLines}F\e[J");
        _footerLines = 0;
    }

    private void DrawFooter()
    {
        if (_footer is null || !IsTerminal) return;
        var width = TerminalWidth();
        var lines = _footer();
        foreach (var line in lines)
        {
            // A wrapped line would throw the cursor arithmetic off by one.
            Console.Out.WriteLine(VisibleLength(line) >= width ? line[..Math.Max(0, width - 1)] : line);
        }
        _footerLines = lines.Count;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    private static int VisibleLength(string line)
    {
        var length = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\e')
            {
                while (i < line.Length && line[i] != 'm') i++;
                continue;
            }
            length++;
        }
        return length;
    }
}
