using System.Runtime.CompilerServices;

namespace ECommerce.Browser.Tests;

/// <summary>Numbered screenshots of one test's steps under artifacts/browser/&lt;test&gt;/, kept as test artifacts.</summary>
public sealed class Steps
{
    private readonly IPage _page;
    private readonly string _folder;
    private int _count;

    public Steps(IPage page, [CallerMemberName] string test = "")
    {
        _page = page;
        _folder = Path.Combine(Paths.ScreenshotRoot, test);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
    }

    public async Task ShotAsync(string step)
    {
        _count++;
        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_folder, $"{_count:00}-{step}.png"),
            FullPage = true,
        });
    }
}
