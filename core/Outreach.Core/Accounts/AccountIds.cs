namespace Outreach.Core.Accounts;

/// <summary>
/// The shape of account ids: 1 to 64 letters, digits, '-' or '_'. Ids end up in table keys, URLs and headers,
/// so anything else (an email address in particular) is refused rather than escaped.
/// </summary>
public static class AccountIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="value"/> is a well-formed account id.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Throws a <see cref="DomainException"/> naming <paramref name="target"/> when the id is malformed.</summary>
    /// <remarks>The message never repeats the value: a mistyped id is often an email address.</remarks>
    public static string Require(string? value, string target) => IsValid(value)
        ? value!
        : throw new DomainException("account.bad-id", $"An account id is 1 to {MaxLength} letters, digits, '-' or '_'.", target);
}
