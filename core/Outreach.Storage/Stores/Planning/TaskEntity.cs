using System.Globalization;
using System.Text.Json;
using Azure;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Storage.Tables;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// Maps an <see cref="OutreachTask"/> to a <c>Tasks</c> row and back (layout: <c>Campaigns/README.md</c>): PartitionKey
/// the owner, RowKey the task id, enums by wire name, <see cref="OutreachTask.AlsoToContactIds"/> as a JSON array and
/// the entity ETag as <see cref="OutreachTask.Version"/>.
/// </summary>
internal static class TaskEntity
{
    public const string ContactId = nameof(OutreachTask.ContactId);

    // The message's statistics as three plain columns (absent on rows whose message was never measured).
    private const string WordCount = nameof(MessageStats.WordCount);
    private const string QuestionCount = nameof(MessageStats.QuestionCount);
    private const string PersonalNoteChars = nameof(MessageStats.PersonalNoteChars);
    private const string OffersHelp = nameof(MessageStats.OffersHelp);

    // The recipient's position when the message went out: an empty string when they had none, absent when not recorded.
    private const string RecipientPositionAtSend = nameof(RecipientPositionAtSend);

    public static string PartitionKey(string ownerId) => TableKeyCodec.Encode(ownerId);

    public static string RowKey(string taskId) => TableKeyCodec.Encode(taskId);

    public static TableEntity From(OutreachTask task)
    {
        var entity = new TableEntity(PartitionKey(task.OwnerId), RowKey(task.TaskId))
        {
            [ContactId] = task.ContactId,
            [nameof(task.CampaignId)] = task.CampaignId,
            [nameof(task.StepId)] = task.StepId,
            [nameof(task.IntroductionId)] = task.IntroductionId,
            [nameof(task.AlsoToContactIds)] = JsonSerializer.Serialize(task.AlsoToContactIds),
            [nameof(task.CopyOwner)] = task.CopyOwner,
            [nameof(task.Template)] = task.Template.ToName(),
            [nameof(task.TemplateName)] = task.TemplateName,
            [nameof(task.EmailKey)] = task.EmailKey,
            [nameof(task.MeetingOn)] = task.MeetingOn?.ToString("O", CultureInfo.InvariantCulture),
            [nameof(task.MeetingEvent)] = task.MeetingEvent,
            [nameof(task.Channel)] = ChannelName(task.Channel),
            [nameof(task.Condition)] = task.Condition.ToString(),
            [nameof(task.DueUtc)] = task.DueUtc,
            [nameof(task.State)] = TaskStates.NameOf(task.State),
            [nameof(task.Score)] = task.Score,
            [nameof(task.ScoreExplanation)] = task.ScoreExplanation,
            [nameof(task.ScoreModelId)] = task.ScoreModelId,
            [nameof(task.ScoredForUtc)] = task.ScoredForUtc,
            [WordCount] = task.MessageStats?.WordCount,
            [QuestionCount] = task.MessageStats?.QuestionCount,
            [PersonalNoteChars] = task.MessageStats?.PersonalNoteChars,
            [OffersHelp] = task.MessageStats?.OffersHelp,
            [RecipientPositionAtSend] = task.RecipientAtSend is { } recipient ? recipient.Position ?? string.Empty : null,
            [nameof(task.SkipReason)] = task.SkipReason,
            [nameof(task.ClaimedUtc)] = task.ClaimedUtc,
            [nameof(task.SentUtc)] = task.SentUtc,
            [nameof(task.MessageId)] = task.MessageId,
            [nameof(task.FailureReason)] = task.FailureReason,
            [nameof(task.SendAtUtc)] = task.SendAtUtc,
            [nameof(task.LostSendRequeues)] = task.LostSendRequeues == 0 ? null : task.LostSendRequeues,
        };
        return entity;
    }

    public static OutreachTask To(TableEntity entity) => new()
    {
        OwnerId = TableKeyCodec.Decode(entity.PartitionKey),
        TaskId = TableKeyCodec.Decode(entity.RowKey),
        ContactId = Required(entity, ContactId),
        CampaignId = Required(entity, nameof(OutreachTask.CampaignId)),
        StepId = Required(entity, nameof(OutreachTask.StepId)),
        IntroductionId = entity.GetString(nameof(OutreachTask.IntroductionId)),
        AlsoToContactIds = JsonSerializer.Deserialize<string[]>(Required(entity, nameof(OutreachTask.AlsoToContactIds))) ?? [],
        CopyOwner = entity.GetBoolean(nameof(OutreachTask.CopyOwner)) ?? false,
        Template = TemplateKindNames.Parse(entity.GetString(nameof(OutreachTask.Template)), nameof(OutreachTask.Template)),
        TemplateName = entity.GetString(nameof(OutreachTask.TemplateName)),
        EmailKey = entity.GetString(nameof(OutreachTask.EmailKey)),
        MeetingOn = entity.GetString(nameof(OutreachTask.MeetingOn)) is { } on ? DateOnly.ParseExact(on, "O", CultureInfo.InvariantCulture) : null,
        MeetingEvent = entity.GetString(nameof(OutreachTask.MeetingEvent)),
        Channel = ParseChannel(Required(entity, nameof(OutreachTask.Channel))),
        Condition = Enum.Parse<StepCondition>(Required(entity, nameof(OutreachTask.Condition))),
        DueUtc = entity.GetDateTimeOffset(nameof(OutreachTask.DueUtc)) ?? throw Missing(entity, nameof(OutreachTask.DueUtc)),
        State = TaskStates.Parse(entity.GetString(nameof(OutreachTask.State))),
        Score = entity.GetDouble(nameof(OutreachTask.Score)),
        ScoreExplanation = entity.GetString(nameof(OutreachTask.ScoreExplanation)),
        ScoreModelId = entity.GetString(nameof(OutreachTask.ScoreModelId)),
        ScoredForUtc = entity.GetDateTimeOffset(nameof(OutreachTask.ScoredForUtc)),
        MessageStats = MessageStatsOf(entity),
        RecipientAtSend = entity.GetString(RecipientPositionAtSend) is { } position ? new RecipientAtSend(position.Length == 0 ? null : position) : null,
        SkipReason = entity.GetString(nameof(OutreachTask.SkipReason)),
        ClaimedUtc = entity.GetDateTimeOffset(nameof(OutreachTask.ClaimedUtc)),
        SentUtc = entity.GetDateTimeOffset(nameof(OutreachTask.SentUtc)),
        MessageId = entity.GetString(nameof(OutreachTask.MessageId)),
        FailureReason = entity.GetString(nameof(OutreachTask.FailureReason)),
        SendAtUtc = entity.GetDateTimeOffset(nameof(OutreachTask.SendAtUtc)),
        LostSendRequeues = entity.GetInt32(nameof(OutreachTask.LostSendRequeues)) ?? 0,
        Version = entity.ETag.ToString(),
    };

    public static ETag ETagOf(OutreachTask task) => new(TaskVersions.Require(task));

    public static string ChannelName(TaskChannel channel) => channel switch
    {
        TaskChannel.Email => "email",
        TaskChannel.LinkedIn => "linkedin",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    private static TaskChannel ParseChannel(string name) => name switch
    {
        "email" => TaskChannel.Email,
        "linkedin" => TaskChannel.LinkedIn,
        _ => throw new FormatException($"'{name}' is not a task channel."),
    };

    private static MessageStats? MessageStatsOf(TableEntity entity) =>
        (entity.GetInt32(WordCount), entity.GetInt32(QuestionCount), entity.GetInt32(PersonalNoteChars)) is ({ } words, { } questions, { } note)
            ? new MessageStats(words, questions, note, entity.GetBoolean(OffersHelp))
            : null;

    private static string Required(TableEntity entity, string property) =>
        entity.GetString(property) ?? throw Missing(entity, property);

    private static FormatException Missing(TableEntity entity, string property) =>
        new($"Task row {entity.PartitionKey}/{entity.RowKey} has no {property}.");
}
