namespace Outreach.Core.Contacts;

/// <summary>
/// Every stored contact of one owner and the contact that holds each key, read at once
/// (<see cref="IContactDirectory.TryReadAllAsync"/>). A large import into an owner of about its size (a LinkedIn
/// export uploaded again) reads this once instead of looking its rows' keys up batch by batch.
/// </summary>
/// <param name="Contacts">The owner's contacts.</param>
/// <param name="KeyHolders">For each claimed key, the id of the contact holding it (the first to claim it).</param>
public sealed record ContactDirectorySnapshot(IReadOnlyList<Contact> Contacts, IReadOnlyDictionary<ContactKey, string> KeyHolders);
