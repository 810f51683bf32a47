namespace ECommerce.ServiceDefaults.Correlation;

/// <summary>The current request's correlation id, flowing with the async call chain.</summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current
    {
        get => CurrentValue.Value;
        internal set => CurrentValue.Value = value;
    }

    /// <summary>Accepts a caller's id only when it is short and plain, so it is safe in headers and logs.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    public static string New() => Guid.NewGuid().ToString("N");
}
