using System.Text.Json;
using Outreach.Core.Contacts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

/// <summary>
/// Maps a <see cref="Contact"/> to a <c>Contacts</c> row and back: PartitionKey the owner, RowKey the contact id,
/// one column per scalar, and the lists (Events, Tags) and the import source as JSON strings.
/// </summary>
internal static class ContactEntity
{
    public static string PartitionKey(string ownerId) => TableKeyCodec.Encode(ownerId);

    public static string RowKey(string contactId) => TableKeyCodec.Encode(contactId);

    public static TableEntity From(Contact contact) => new(PartitionKey(contact.OwnerId), RowKey(contact.ContactId))
    {
        [nameof(Contact.FirstName)] = contact.FirstName,
        [nameof(Contact.LastName)] = contact.LastName,
        [nameof(Contact.Email)] = contact.Email,
        [nameof(Contact.LinkedInUrl)] = contact.LinkedInUrl,
        [nameof(Contact.Company)] = contact.Company,
        [nameof(Contact.Position)] = contact.Position,
        [nameof(Contact.ConnectedOn)] = contact.ConnectedOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Contact.Events)] = JsonSerializer.Serialize(contact.Events),
        [nameof(Contact.Notes)] = contact.Notes,
        [nameof(Contact.Offer)] = contact.Offer,
        [nameof(Contact.Tags)] = JsonSerializer.Serialize(contact.Tags),
        [nameof(Contact.Source)] = contact.Source is null ? null : JsonSerializer.Serialize(contact.Source),
    };

    public static Contact To(TableEntity entity) => new()
    {
        OwnerId = TableKeyCodec.Decode(entity.PartitionKey),
        ContactId = TableKeyCodec.Decode(entity.RowKey),
        FirstName = entity.GetString(nameof(Contact.FirstName)),
        LastName = entity.GetString(nameof(Contact.LastName)),
        Email = entity.GetString(nameof(Contact.Email)),
        LinkedInUrl = entity.GetString(nameof(Contact.LinkedInUrl)),
        Company = entity.GetString(nameof(Contact.Company)),
        Position = entity.GetString(nameof(Contact.Position)),
        ConnectedOn = entity.GetString(nameof(Contact.ConnectedOn)) is { } on ? DateOnly.ParseExact(on, "O", System.Globalization.CultureInfo.InvariantCulture) : null,
        Events = Json<EventMet[]>(entity, nameof(Contact.Events)) ?? [],
        Notes = entity.GetString(nameof(Contact.Notes)),
        Offer = entity.GetString(nameof(Contact.Offer)),
        Tags = Json<string[]>(entity, nameof(Contact.Tags)) ?? [],
        Source = Json<ContactSource>(entity, nameof(Contact.Source)),
    };

    private static T? Json<T>(TableEntity entity, string property) where T : class =>
        entity.GetString(property) is { } json ? JsonSerializer.Deserialize<T>(json) : null;
}
