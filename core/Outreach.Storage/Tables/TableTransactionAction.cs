using Azure;

namespace Outreach.Storage.Tables;

/// <summary>One action in a table transaction (entity group transaction).</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (for a delete, only its keys matter).</param>
/// <param name="ETag">For updates and deletes: the version to require; default (empty) or <see cref="ETag.All"/> means any.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
