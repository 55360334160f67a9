using Azure;
using Outreach.Core.Introductions;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Introductions;

/// <summary>
/// Maps an <see cref="Introduction"/> to its <c>Introductions</c> row: PartitionKey the owner, RowKey the introduction id,
/// every property stored, State and Answer by enum name, the entity ETag as <see cref="Introduction.Version"/>.
/// </summary>
internal static class IntroductionEntity
{
    public const string State = nameof(Introduction.State);
    public const string ConsentDeadline = nameof(Introduction.ConsentDeadline);
    public const string NudgeDueAt = nameof(Introduction.NudgeDueAt);

    public static string PartitionKey(string ownerId) => TableKeyCodec.Encode(ownerId);

    public static string RowKey(string introductionId) => TableKeyCodec.Encode(introductionId);

    public static TableEntity From(Introduction i) => new(PartitionKey(i.OwnerId), RowKey(i.IntroductionId))
    {
        [nameof(i.PersonAContactId)] = i.PersonAContactId,
        [nameof(i.PersonBContactId)] = i.PersonBContactId,
        [nameof(i.Reason)] = i.Reason,
        [nameof(i.ConsentToken)] = i.ConsentToken,
        [State] = i.State.ToString(),
        [nameof(i.RequestedAt)] = i.RequestedAt,
        [ConsentDeadline] = i.ConsentDeadline,
        [nameof(i.Answer)] = i.Answer?.ToString(),
        [nameof(i.AnsweredAt)] = i.AnsweredAt,
        [nameof(i.AnswerRecordedBy)] = i.AnswerRecordedBy,
        [nameof(i.AnswerReceipt)] = i.AnswerReceipt,
        [nameof(i.PersonAConsentConfirmedBy)] = i.PersonAConsentConfirmedBy,
        [nameof(i.PersonAConsentConfirmedAt)] = i.PersonAConsentConfirmedAt,
        [NudgeDueAt] = i.NudgeDueAt,
        [nameof(i.NudgedAt)] = i.NudgedAt,
        [nameof(i.ClosedAt)] = i.ClosedAt,
        [nameof(i.FollowedUp)] = i.FollowedUp,
        [nameof(i.StalledReason)] = i.StalledReason,
    };

    public static Introduction To(TableEntity e) => new()
    {
        OwnerId = TableKeyCodec.Decode(e.PartitionKey),
        IntroductionId = TableKeyCodec.Decode(e.RowKey),
        PersonAContactId = Required(e, nameof(Introduction.PersonAContactId)),
        PersonBContactId = Required(e, nameof(Introduction.PersonBContactId)),
        Reason = Required(e, nameof(Introduction.Reason)),
        ConsentToken = Required(e, nameof(Introduction.ConsentToken)),
        State = Enum.Parse<IntroductionState>(Required(e, State)),
        RequestedAt = e.GetDateTimeOffset(nameof(Introduction.RequestedAt)) ?? throw Missing(e, nameof(Introduction.RequestedAt)),
        ConsentDeadline = e.GetDateTimeOffset(ConsentDeadline) ?? throw Missing(e, ConsentDeadline),
        Answer = e.GetString(nameof(Introduction.Answer)) is { } answer ? Enum.Parse<ConsentAnswer>(answer) : null,
        AnsweredAt = e.GetDateTimeOffset(nameof(Introduction.AnsweredAt)),
        AnswerRecordedBy = e.GetString(nameof(Introduction.AnswerRecordedBy)),
        AnswerReceipt = e.GetString(nameof(Introduction.AnswerReceipt)),
        PersonAConsentConfirmedBy = e.GetString(nameof(Introduction.PersonAConsentConfirmedBy)),
        PersonAConsentConfirmedAt = e.GetDateTimeOffset(nameof(Introduction.PersonAConsentConfirmedAt)),
        NudgeDueAt = e.GetDateTimeOffset(NudgeDueAt),
        NudgedAt = e.GetDateTimeOffset(nameof(Introduction.NudgedAt)),
        ClosedAt = e.GetDateTimeOffset(nameof(Introduction.ClosedAt)),
        FollowedUp = e.GetBoolean(nameof(Introduction.FollowedUp)) ?? false,
        StalledReason = e.GetString(nameof(Introduction.StalledReason)),
        Version = e.ETag.ToString(),
    };

    public static ETag ETagOf(Introduction introduction) =>
        new(introduction.Version ?? throw new ArgumentException($"Introduction '{introduction.IntroductionId}' has no version: read it from the store first.", nameof(introduction)));

    private static string Required(TableEntity e, string property) => e.GetString(property) ?? throw Missing(e, property);

    private static FormatException Missing(TableEntity e, string property) => new($"Introduction row {e.PartitionKey}/{e.RowKey} has no {property}.");
}
