using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ECommerce.SystemInfrastructure;
using static Microsoft.Playwright.Assertions;

namespace ECommerce.Browser.Tests;

/// <summary>
/// Shipping a remote on its own (docs/frontend-releases.md): ./frontends.sh publishes immutable versions and switches
/// the manifest the host reads at run time; a broken version on canary reaches only the canary's sessions, its
/// errors are reported per version, and a rollback (the admin's button, then the script) puts everyone back.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReleaseTests(SystemFixture system)
{
    private const string StoreHeading = "Everything you need, delivered fast.";

    [Fact]
    public async Task A_remote_is_deployed_canaried_broken_and_rolled_back_without_rebuilding_the_host()
    {
        try
        {
            (await FrontendsAsync("deploy", "dashboard", "1.0.0")).ShouldSucceed("is live");
            var live = await SessionAsync(bucket: 90);   // outside a 50% canary
            var canary = await SessionAsync(bucket: 10); // inside it
            var steps = new Steps(live);

            await ExpectStoreAsync(live, "1.0.0");

            // A new version goes live: the same host build loads it on the next page load.
            (await FrontendsAsync("deploy", "dashboard", "2.0.0")).ShouldSucceed("2.0.0 is live (previous 1.0.0)");
            var entry = live.WaitForRequestAsync("**/releases/dashboard/2.0.0/remoteEntry.js");
            await live.ReloadAsync();
            await entry;
            await ExpectStoreAsync(live, "2.0.0");
            await steps.ShotAsync("new-version-live");

            // A version that cannot work with the host is refused before it goes live.
            var incompatible = CopyOfDist("incompatible", manifest => manifest.Replace("\"name\": \"App\"", "\"name\": \"Main\""), entry: null);
            var refused = await FrontendsAsync("canary", "dashboard", "2.1.0", "50", $"--from={incompatible}");
            Assert.NotEqual(0, refused.Code);
            Assert.Contains("does not expose './App', which the host imports as 'dashboard/App'", refused.Output);

            // A broken version (its entry throws in the browser) passes the static checks and goes on canary for 50%.
            var broken = CopyOfDist("broken", manifest => manifest, entry: "throw new Error('dashboard 3.0.0-broken failed to start');\n");
            (await FrontendsAsync("canary", "dashboard", "3.0.0-broken", "50", $"--from={broken}")).ShouldSucceed("on canary for 50%");
            await canary.GotoAsync("/");
            await Expect(canary.Locator("html")).ToHaveAttributeAsync("data-remotes", new System.Text.RegularExpressions.Regex("dashboard@3.0.0-broken"));
            await Expect(canary.Locator("[data-remote-fallback='The store']")).ToContainTextAsync("The store is unavailable right now");
            await Expect(canary.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync(); // the shell stands
            await new Steps(canary, $"{nameof(A_remote_is_deployed_canaried_broken_and_rolled_back_without_rebuilding_the_host)}-canary").ShotAsync("broken-version");
            await live.ReloadAsync();
            await ExpectStoreAsync(live, "2.0.0"); // sessions outside the canary never see it

            // Real-user monitoring: the canary's errors are counted against its version, none against the live one.
            var errors = await ErrorsEventuallyAsync(e => e.GetValueOrDefault(("dashboard", "3.0.0-broken")) > 0);
            Assert.Equal(0, errors.GetValueOrDefault(("dashboard", "2.0.0")));

            // The admin sees the canary and its errors on the Releases page, and rolls it back.
            var admin = await system.NewPageAsync();
            await ShopPages.SignInAsync(admin, ShopApi.AdminEmail, ShopApi.AdminPassword);
            await admin.GotoAsync("/admin/releases");
            await Expect(admin.GetByTestId("live-dashboard")).ToHaveTextAsync("2.0.0");
            await Expect(admin.GetByTestId("canary-dashboard")).ToHaveTextAsync("3.0.0-broken (50%)");
            await Expect(admin.GetByTestId("errors-dashboard")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"/ 0$"));
            await new Steps(admin, $"{nameof(A_remote_is_deployed_canaried_broken_and_rolled_back_without_rebuilding_the_host)}-admin").ShotAsync("releases-page");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Roll back dashboard" }).ClickAsync();
            await Expect(admin.GetByTestId("canary-dashboard")).ToHaveTextAsync("none");

            await canary.ReloadAsync();
            await ExpectStoreAsync(canary, "2.0.0");

            // And the script's rollback: live goes back to the previous version for every session at once.
            (await FrontendsAsync("rollback", "dashboard")).ShouldSucceed("rolled back to 1.0.0");
            await live.ReloadAsync();
            await canary.ReloadAsync();
            await ExpectStoreAsync(live, "1.0.0");
            await ExpectStoreAsync(canary, "1.0.0");
        }
        finally
        {
            // Every other test runs against the built-in remotes.
            File.Delete(Path.Combine(system.ReleasesDirectory, "manifest.json"));
        }
    }

    private static async Task ExpectStoreAsync(IPage page, string version)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-remotes", new System.Text.RegularExpressions.Regex($"dashboard@{System.Text.RegularExpressions.Regex.Escape(version)}( |$)"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = StoreHeading })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-remote-fallback]")).ToHaveCountAsync(0);
    }

    /// <summary>A session whose canary bucket is fixed (the host otherwise draws one at random and keeps it).</summary>
    private async Task<IPage> SessionAsync(int bucket)
    {
        var page = await system.NewPageAsync();
        await page.Context.AddInitScriptAsync($"localStorage.setItem('shop:release-bucket', '{bucket}')");
        await page.GotoAsync("/");
        return page;
    }

    private async Task<Dictionary<(string App, string Version), int>> ErrorsEventuallyAsync(Func<Dictionary<(string, string), int>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var rows = await system.Api.Http.GetFromJsonAsync<JsonArray>("/frontends/rum/errors") ?? [];
            var errors = rows.ToDictionary(r => ((string)r!["app"]!, (string)r!["version"]!), r => (int)r!["errors"]!);
            if (done(errors)) return errors;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"No such errors reported: {string.Join(", ", errors)}");
            await Task.Delay(250); // polling the gateway's tally: the browser's beacon has no completion to await
        }
    }

    /// <summary>A copy of the dashboard's build with its manifest or entry altered, standing for another team's build.</summary>
    private static string CopyOfDist(string name, Func<string, string> manifest, string? entry)
    {
        var source = Path.Combine(BuildInfo.RepoRoot, "frontends", "dashboard", "dist");
        var target = Path.Combine(Path.GetTempPath(), $"dashboard-{name}-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var manifestPath = Path.Combine(target, "mf-manifest.json");
        File.WriteAllText(manifestPath, manifest(File.ReadAllText(manifestPath)));
        if (entry is not null)
        {
            var entryPath = Path.Combine(target, "remoteEntry.js");
            File.WriteAllText(entryPath, entry + File.ReadAllText(entryPath));
        }
        return target;
    }

    private async Task<ScriptRun> FrontendsAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(BuildInfo.RepoRoot, "frontends.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["FRONTENDS_RELEASES"] = system.ReleasesDirectory },
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ScriptRun(process.ExitCode, await output + await error, string.Join(' ', args));
    }

    private sealed record ScriptRun(int Code, string Output, string Command)
    {
        public void ShouldSucceed(string expected)
        {
            Assert.True(Code == 0, $"./frontends.sh {Command} exited {Code}: {Output}");
            Assert.Contains(expected, Output);
        }
    }
}
