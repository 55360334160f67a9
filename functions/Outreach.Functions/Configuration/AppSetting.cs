namespace Outreach.Functions.Configuration;

/// <summary>
/// One configuration key the app (or the Functions host on its behalf) reads.
/// </summary>
/// <param name="Key">
/// The configuration path, <c>:</c>-separated (<c>Smtp:Host</c>). A trailing <c>*</c> stands for any key below it: a
/// dictionary or list (<c>Tokens:Keys:*</c>).
/// </param>
/// <param name="ReadBy">Where it is read, for messages: an options property or a component.</param>
/// <param name="Use">How Azure provides it.</param>
/// <param name="Reason">Why it is not set in Azure, when <paramref name="Use"/> is <see cref="AppSettingUse.NotInAzure"/>.</param>
internal sealed record AppSetting(string Key, string ReadBy, AppSettingUse Use, string? Reason = null)
{
    public const string AnyKey = "*";

    /// <summary>The name as an app setting or environment variable: <c>Smtp__Host</c>, <c>Tokens__Keys__*</c>.</summary>
    public string AppSettingName => Key.Replace(":", "__", StringComparison.Ordinal);

    public bool IsPattern => Key.EndsWith(":" + AnyKey, StringComparison.Ordinal);

    /// <summary>Whether a concrete configuration path is this key (or, for a pattern, one key below it).</summary>
    public bool Matches(string path) => IsPattern
        ? path.StartsWith(Key[..^1], StringComparison.OrdinalIgnoreCase) && path.Length > Key.Length - 1
        : string.Equals(path, Key, StringComparison.OrdinalIgnoreCase);
}
