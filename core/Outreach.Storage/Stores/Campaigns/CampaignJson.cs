using System.Text.Json;
using System.Text.Json.Serialization;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Storage.Stores.Campaigns;

/// <summary>
/// A campaign as stored in its row: camel-case JSON, template kinds by wire name (<c>thank_you</c>, see
/// <see cref="TemplateKindNames"/>), other enums by name.
/// </summary>
internal static class CampaignJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new TemplateKindConverter(), new JsonStringEnumConverter() },
    };

    public static string Write(Campaign campaign) => JsonSerializer.Serialize(campaign, Options);

    /// <exception cref="FormatException">The stored text is not a campaign.</exception>
    public static Campaign Read(string json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<Campaign>(json, Options) ?? throw new FormatException($"{where} holds no campaign.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where} holds no readable campaign: {e.Message}", e);
        }
    }

    private sealed class TemplateKindConverter : JsonConverter<TemplateKind>
    {
        public override TemplateKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TemplateKindNames.Parse(reader.GetString(), "template");

        public override void Write(Utf8JsonWriter writer, TemplateKind value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToName());
    }
}
