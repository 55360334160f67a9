using Azure;
using Outreach.Core.Senders;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Senders;

/// <summary>
/// <see cref="ISenderProfileStore"/> on the <c>Senders</c> table (one row per owner; see <see cref="SenderProfileEntity"/>).
/// A profile's <see cref="SenderProfile.Version"/> is its row's ETag.
/// </summary>
/// <param name="table">The senders table; it must exist.</param>
public sealed class TableSenderProfileStore(TableClient table) : ISenderProfileStore
{
    /// <inheritdoc />
    public async Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(TableKeyCodec.Encode(ownerId), SenderProfileEntity.Row, cancellationToken).ConfigureAwait(false);
        return row is null ? null : SenderProfileEntity.To(row) with { Version = row.ETag.ToString() };
    }

    /// <inheritdoc />
    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return table.UpsertAsync(SenderProfileEntity.From(profile), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SenderProfile?> TrySaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var row = SenderProfileEntity.From(profile);
        try
        {
            var etag = profile.Version is { Length: > 0 } version
                ? await table.UpdateAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.InsertAsync(row, cancellationToken).ConfigureAwait(false);
            return profile with { Version = etag.ToString() };
        }
        catch (StorageRequestException e) when (e.Status is 404 or 409 or 412)
        {
            return null; // changed (412), created (409) or gone (404) since it was read
        }
    }
}
