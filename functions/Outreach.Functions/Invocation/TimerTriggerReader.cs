using System.Globalization;
using System.Text.Json;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Invocation;

/// <summary>
/// Reads a timer invocation: <c>Data[name] = { Schedule, ScheduleStatus (null without useMonitor), IsPastDue }</c>,
/// as an object or as that object JSON-encoded into a string.
/// </summary>
internal static class TimerTriggerReader
{
    public static TimerTrigger Read(InvocationEnvelope envelope, BindingDefinition trigger)
    {
        var field = $"Data.{trigger.Name}";
        var value = envelope.Data(trigger.Name);
        using var parsed = value.ValueKind == JsonValueKind.String ? ParseObject(InvocationEnvelope.Text(value), field) : null;
        var timer = parsed?.RootElement ?? value;
        if (timer.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEnvelopeException(field, "a timer's value must be an object with IsPastDue and ScheduleStatus.");
        }

        var isPastDue = InvocationEnvelope.Property(timer, "IsPastDue") switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            var other => bool.TryParse(InvocationEnvelope.Text(other.Value).Trim('"'), out var flag)
                ? flag
                : throw new InvalidEnvelopeException($"{field}.IsPastDue", "must be true or false."),
        };
        var status = InvocationEnvelope.Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } s
            ? new TimerScheduleStatus(Time(s, "Last", field), Time(s, "Next", field), Time(s, "LastUpdated", field))
            : null;
        return new TimerTrigger(isPastDue, status);
    }

    private static JsonDocument ParseObject(string json, string field)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new InvalidEnvelopeException(field, "a timer's value must be a JSON object.");
        }
    }

    private static DateTimeOffset Time(JsonElement status, string name, string field)
    {
        var text = InvocationEnvelope.Property(status, name) is { } value ? InvocationEnvelope.Text(value).Trim('"') : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new InvalidEnvelopeException($"{field}.ScheduleStatus.{name}", $"'{text}' is not a date and time.");
    }
}
