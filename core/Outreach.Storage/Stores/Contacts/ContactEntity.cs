using System.Text.Encodings.Web;
using System.Text.Json;
using Outreach.Core.Contacts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

/// <summary>
/// Maps a <see cref="Contact"/> to a <c>Contacts</c> row and back: PartitionKey the owner, RowKey the contact id,
/// one column per scalar, and the lists (Events, Tags) and the import source as JSON strings. A string property holds
/// at most 64 KiB, and notes appended by import after import can pass that: the columns that grow (events, notes,
/// offer, tags) are written in parts of <see cref="PartLength"/> characters, <c>Notes</c>, <c>Notes_2</c>, <c>Notes_3</c>...,
/// and read back joined, so a contact is limited by the 1 MiB row only, which <see cref="ContactLimits"/> keep it
/// under. The JSON keeps letters of every script as they are (the default escapes each non-ASCII character as six),
/// so an event met in Cyrillic takes the room of its text. Rows are always replaced whole, so no stale part outlives a
/// shorter value.
/// </summary>
internal static class ContactEntity
{
    /// <summary>
    /// JSON as stored: only the characters JSON requires are escaped (the row is data, never HTML). A character outside
    /// the Basic Multilingual Plane (an emoji) is still written as two <c>\u</c> escapes.
    /// </summary>
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PartitionKey(string ownerId) => TableKeyCodec.Encode(ownerId);

    public static string RowKey(string contactId) => TableKeyCodec.Encode(contactId);

    /// <summary>Characters in one part of a long text: 60,000 bytes as UTF-16, under the service's 64 KiB per property.</summary>
    public const int PartLength = 30_000;

    public static TableEntity From(Contact contact)
    {
        var entity = Scalars(contact);
        WriteText(entity, nameof(Contact.Events), JsonSerializer.Serialize(contact.Events, StoredJson));
        WriteText(entity, nameof(Contact.Tags), JsonSerializer.Serialize(contact.Tags, StoredJson));
        WriteText(entity, nameof(Contact.Notes), contact.Notes);
        WriteText(entity, nameof(Contact.Offer), contact.Offer);
        return entity;
    }

    private static TableEntity Scalars(Contact contact) => new(PartitionKey(contact.OwnerId), RowKey(contact.ContactId))
    {
        [nameof(Contact.FirstName)] = contact.FirstName,
        [nameof(Contact.LastName)] = contact.LastName,
        [nameof(Contact.Email)] = contact.Email,
        [nameof(Contact.LinkedInUrl)] = contact.LinkedInUrl,
        [nameof(Contact.Company)] = contact.Company,
        [nameof(Contact.Position)] = contact.Position,
        [nameof(Contact.ConnectedOn)] = contact.ConnectedOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        [nameof(Contact.AddedOn)] = contact.AddedOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
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
        AddedOn = entity.GetString(nameof(Contact.AddedOn)) is { } added ? DateOnly.ParseExact(added, "O", System.Globalization.CultureInfo.InvariantCulture) : null,
        Events = ReadText(entity, nameof(Contact.Events)) is { } events ? JsonSerializer.Deserialize<EventMet[]>(events) ?? [] : [],
        Notes = ReadText(entity, nameof(Contact.Notes)),
        Offer = ReadText(entity, nameof(Contact.Offer)),
        Tags = ReadText(entity, nameof(Contact.Tags)) is { } tags ? JsonSerializer.Deserialize<string[]>(tags) ?? [] : [],
        Source = Json<ContactSource>(entity, nameof(Contact.Source)),
    };

    /// <summary>Writes <paramref name="value"/> under <paramref name="name"/>, continued in <c>{name}_2</c>, <c>{name}_3</c>... when longer than a part; a part never ends inside a surrogate pair.</summary>
    private static void WriteText(TableEntity entity, string name, string? value)
    {
        if (value is null || value.Length <= PartLength)
        {
            entity[name] = value;
            return;
        }

        var start = 0;
        for (var part = 1; start < value.Length; part++)
        {
            var length = Math.Min(PartLength, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[PartName(name, part)] = value.Substring(start, length);
            start += length;
        }
    }

    private static string? ReadText(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || entity.GetString(PartName(name, 2)) is null)
        {
            return first; // the common case: one part or none
        }

        var text = new System.Text.StringBuilder(first);
        for (var part = 2; entity.GetString(PartName(name, part)) is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }

    private static string PartName(string name, int part) =>
        part == 1 ? name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}_{part}");

    private static T? Json<T>(TableEntity entity, string property) where T : class =>
        entity.GetString(property) is { } json ? JsonSerializer.Deserialize<T>(json) : null;
}
