using System.Text.RegularExpressions;

namespace Outreach.Storage;

/// <summary>Checks resource names before any request, so a bad name fails with its parameter named.</summary>
internal static partial class StorageNames
{
    /// <summary>Queue and container names: 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit.</summary>
    public static string QueueOrContainer(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        return LowercaseName().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal) && !name.EndsWith('-')
            ? name
            : throw new ArgumentException(
                $"'{name}' is not a valid {kind} name: use 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit.",
                nameof(name));
    }

    /// <summary>Table names: 3-63 letters and digits, starting with a letter.</summary>
    public static string Table(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TableName().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid table name: use 3-63 letters and digits, starting with a letter.", nameof(name));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$")]
    private static partial Regex LowercaseName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
