using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;

namespace Outreach.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most entities the service returns per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Streams the entities matching <paramref name="filter"/>, following continuation tokens transparently
    /// (including empty pages).
    /// </summary>
    /// <param name="filter">An OData filter (build it with <see cref="TableFilter"/>), or null for every entity.</param>
    /// <param name="select">Properties to return, or null for all.</param>
    /// <param name="top">Stop after this many entities, or null for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? top = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top ?? 1, nameof(top));
        var selected = select?.ToArray();
        var remaining = top ?? int.MaxValue;
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, selected, Math.Min(remaining, MaxPageSize), continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
                if (--remaining == 0)
                {
                    yield break;
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>Reads one page of a query; pass the returned continuation back for the next one.</summary>
    /// <param name="filter">An OData filter, or null for every entity.</param>
    /// <param name="select">Properties to return, or null for all.</param>
    /// <param name="pageSize">At most this many entities (1-1000).</param>
    /// <param name="continuation">Null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<TablePage> QueryPageAsync(
        string? filter,
        IEnumerable<string>? select = null,
        int pageSize = MaxPageSize,
        TableContinuation? continuation = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var uri = Address(_tableUri, "()");
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", string.Join(',', select), escapeValue: true);
        }

        uri.AppendQuery("$top", pageSize.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        if (continuation is not null)
        {
            uri.AppendQuery("NextPartitionKey", continuation.NextPartitionKey, escapeValue: true);
            if (continuation.NextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", continuation.NextRowKey, escapeValue: true);
            }
        }

        using var message = Create(RequestMethod.Get, uri);
        var response = await _pipeline.SendCheckedAsync(message, $"Querying table {Name}", cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var values = document.RootElement.GetProperty("value");
        var entities = new List<TableEntity>(values.GetArrayLength());
        foreach (var element in values.EnumerateArray())
        {
            entities.Add(TableEntityJson.Read(element));
        }

        var next = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition)
            ? new TableContinuation(nextPartition, response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow) ? nextRow : null)
            : null;
        return new TablePage(entities, next);
    }
}
