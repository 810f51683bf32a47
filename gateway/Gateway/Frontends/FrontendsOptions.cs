namespace ECommerce.Gateway.Frontends;

/// <summary>Where the built micro-frontends are (section <c>Frontends</c>); each app's build output is <c>&lt;Root&gt;/&lt;app&gt;/dist</c>.</summary>
public sealed class FrontendsOptions
{
    public const string SectionName = "Frontends";

    /// <summary>The frontends folder, relative to the gateway's content root (the AppHost runs it in gateway/Gateway).</summary>
    public string Root { get; set; } = "../../frontends";

    /// <summary>The shell, served at <c>/</c>.</summary>
    public string Host { get; set; } = "host";

    /// <summary>The remotes, each served at <c>/remotes/&lt;name&gt;/</c>.</summary>
    public string[] Remotes { get; set; } = ["dashboard", "user", "admin"];

    /// <summary>Published remote versions and manifest.json, relative to <see cref="Root"/>; served at <c>/releases/</c>.</summary>
    public string Releases { get; set; } = "releases";
}
