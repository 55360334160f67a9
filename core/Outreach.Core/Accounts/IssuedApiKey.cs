namespace Outreach.Core.Accounts;

/// <summary>A newly issued key: the plain text is returned this once and never stored.</summary>
/// <param name="PlainText">The full key, <c>otr_&lt;keyId&gt;_&lt;secret&gt;</c>.</param>
/// <param name="Key">What is kept about it.</param>
public sealed record IssuedApiKey(string PlainText, ApiKeySummary Key)
{
    /// <summary>Keeps the plain key out of logs and exception messages that print records.</summary>
    public override string ToString() => $"IssuedApiKey {{ Key = {Key} }}";
}
