using System.Security.Cryptography;
using System.Text;
using Outreach.Core.Introductions;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Introductions;

/// <summary>
/// The insert-only row that lets one open introduction at a time exist between two people: kept in the owner's own
/// partition of the <c>Introductions</c> table, so it is inserted in the same transaction as the request, with a RowKey
/// derived from the pair (either way round) and the id of the introduction holding it. The key is a hash of the two
/// contact ids, so a row left behind holds nothing personal; its <c>|</c> never appears in an encoded introduction id, so
/// the row is never read as an introduction.
/// </summary>
internal static class PairClaim
{
    /// <summary>The start of every claim's RowKey.</summary>
    public const string Prefix = "~pair|";

    /// <summary>The first RowKey after every claim's (<see cref="Prefix"/> with its last character the next one).</summary>
    public const string PrefixEnd = "~pair}";

    /// <summary>
    /// The row (in <see cref="OpenIndex.MetaPartition"/>) saying the claims that ended introductions left behind have been
    /// released once (<see cref="TableIntroductionStore.ListDueAsync"/>).
    /// </summary>
    public const string SweptMarker = "pair-claims-swept";

    /// <summary>The property naming the introduction that holds the claim.</summary>
    public const string IntroductionIdProperty = nameof(Introduction.IntroductionId);

    /// <summary>The claim's RowKey for the two people, the same whichever of them is A.</summary>
    public static string RowKey(string personAContactId, string personBContactId)
    {
        var (first, second) = string.CompareOrdinal(personAContactId, personBContactId) <= 0
            ? (personAContactId, personBContactId)
            : (personBContactId, personAContactId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{first.Length}:{first}{second}"));
        return Prefix + Convert.ToHexStringLower(hash);
    }

    /// <summary>The claim of <paramref name="introduction"/>'s two people, naming it.</summary>
    public static TableEntity RowFor(Introduction introduction) =>
        new(IntroductionEntity.PartitionKey(introduction.OwnerId), RowKey(introduction.PersonAContactId, introduction.PersonBContactId))
        {
            [IntroductionIdProperty] = introduction.IntroductionId,
        };

    /// <summary>Whether a row of an owner's partition is a claim rather than an introduction.</summary>
    public static bool Is(TableEntity row) => row.RowKey.StartsWith(Prefix, StringComparison.Ordinal);
}
