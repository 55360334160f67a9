using System.Text;
using Outreach.Core.Outcomes;
using Outreach.Storage;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Keeps the raw body of each matched inbound delivery as a blob under the erasure layout
/// (<c>inbound-mail/{owner}/{contact}/{sha256(dedupe key)}.json|.form</c>, <see cref="ContactBlobLayout"/>), so erasing the
/// contact removes it by prefix. Writing the same delivery again overwrites the same blob.
/// </summary>
internal sealed class InboundMailArchive(StorageAccount account)
{
    private readonly Lazy<Task> _created = new(() => account.GetBlobContainer(ContactBlobLayout.InboundContainer).CreateIfNotExistsAsync(CancellationToken.None));

    public async Task StoreAsync(string ownerId, string contactId, string dedupeKey, InboundBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var name = ContactBlobLayout.Prefix(ownerId, contactId) + DedupeKeys.Sha256Hex(dedupeKey) + (body.IsForm ? ".form" : ".json");
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(body.Raw));
        await account.GetBlobContainer(ContactBlobLayout.InboundContainer)
            .UploadAsync(name, content, body.ContentType, overwrite: true, cancellationToken).ConfigureAwait(false);
    }
}
