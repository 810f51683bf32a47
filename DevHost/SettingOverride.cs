namespace ECommerce.DevHost;

/// <summary>
/// One <c>--env NAME:KEY=VALUE</c>: a setting for one project on this run only (short timeouts for a test, a slower
/// card processor for a demo). The topology, and so AppHost, stays as it is.
/// </summary>
public sealed record SettingOverride(string Resource, string Key, string Value)
{
    public static SettingOverride Parse(string text)
    {
        var colon = text.IndexOf(':');
        var equals = text.IndexOf('=');
        if (colon <= 0 || equals <= colon + 1)
            throw new ArgumentException($"--env needs NAME:KEY=VALUE, not '{text}'.");
        return new SettingOverride(text[..colon], text[(colon + 1)..equals], text[(equals + 1)..]);
    }
}
