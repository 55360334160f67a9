namespace Outreach.Core.Introductions;

/// <summary>
/// Who records B's answer: B through the token in the consent email's link, or the introducer (the owner) recording
/// an answer B gave another way (by phone, by replying). Nobody else, A included, may answer for B.
/// </summary>
public sealed class ConsentResponder
{
    private ConsentResponder(string? token, string? ownerId, string? receipt)
    {
        Token = token;
        OwnerId = ownerId;
        Receipt = receipt;
    }

    /// <summary>What <see cref="Introduction.AnswerRecordedBy"/> says of an answer B gave through the consent link.</summary>
    public const string ConsentLink = "consent-link";

    /// <summary>The token presented from B's link, or null.</summary>
    public string? Token { get; }

    /// <summary>The owner recording the answer, or null.</summary>
    public string? OwnerId { get; }

    /// <summary>
    /// The receipt of the consent page B answered from (<see cref="ConsentReceipts"/>), kept with the answer as
    /// <see cref="Introduction.AnswerReceipt"/>; null for the owner and for a post that carried none.
    /// </summary>
    public string? Receipt { get; }

    /// <summary>B, through the consent link's token, from the page that carried <paramref name="receipt"/> (if any).</summary>
    public static ConsentResponder ByToken(string token, string? receipt = null) => new(token, null, ConsentReceipts.Normalize(receipt));

    /// <summary>The introducer, recording B's answer.</summary>
    public static ConsentResponder ByOwner(string ownerId) => new(null, ownerId, null);

    /// <summary>Who recorded the answer, as <see cref="Introduction.AnswerRecordedBy"/> keeps it: the link, or the owner's account.</summary>
    public string RecordedBy => Token is null ? OwnerId! : ConsentLink;

    /// <summary>Says who answers without printing the token.</summary>
    public override string ToString() => Token is null ? $"owner {OwnerId}" : "consent link";
}
