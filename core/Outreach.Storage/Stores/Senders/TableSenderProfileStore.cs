using Outreach.Core.Senders;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Senders;

/// <summary><see cref="ISenderProfileStore"/> on the <c>Senders</c> table (one row per owner; see <see cref="SenderProfileEntity"/>).</summary>
/// <param name="table">The senders table; it must exist.</param>
public sealed class TableSenderProfileStore(TableClient table) : ISenderProfileStore
{
    /// <inheritdoc />
    public async Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(TableKeyCodec.Encode(ownerId), SenderProfileEntity.Row, cancellationToken).ConfigureAwait(false);
        return row is null ? null : SenderProfileEntity.To(row);
    }

    /// <inheritdoc />
    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return table.UpsertAsync(SenderProfileEntity.From(profile), TableUpdateMode.Replace, cancellationToken);
    }
}
