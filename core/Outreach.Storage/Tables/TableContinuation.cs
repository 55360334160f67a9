namespace Outreach.Storage.Tables;

/// <summary>Where the next page of a query starts (opaque service tokens).</summary>
/// <param name="NextPartitionKey">The <c>x-ms-continuation-NextPartitionKey</c> token.</param>
/// <param name="NextRowKey">The <c>x-ms-continuation-NextRowKey</c> token, if any.</param>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);
