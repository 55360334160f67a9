using System.Text.Json.Serialization;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>
/// One import as <c>GET /api/imports/{id}</c> shows it and as it is stored (<see cref="ImportRecordStore"/>): what was
/// asked for, where it is, and once completed what happened to every row. Rejected rows keep their original text.
/// </summary>
internal sealed record ImportRecord
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public required string Status { get; init; }

    public required string FileName { get; init; }

    /// <summary>The format asked for or detected (<see cref="ImportFormat"/> name), null while unknown.</summary>
    public string? Format { get; init; }

    public string? Event { get; init; }

    public DateOnly? MetOn { get; init; }

    public string? Campaign { get; init; }

    /// <summary>Who started the import; null on records stored before it was kept (those run as they always did).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImportStarter? StartedBy { get; init; }

    /// <summary>The culture named for numeric dates (<c>dateCulture</c>), or null.</summary>
    public string? DateCulture { get; init; }

    /// <summary>The caller's own column names (<c>columns</c>, as <c>header=field; ...</c>), or null.</summary>
    public string? Columns { get; init; }

    /// <summary>The file's text encoding as the caller declared it (<c>charset</c>, or the upload's content type), or null when it was detected.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Charset { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>
    /// The fingerprint of the file kept for the import (<see cref="ImportFileHash"/>) as it was accepted, or as an erasure
    /// last rewrote it; a retry is refused when the kept file no longer has it. Null on records stored before it was kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UploadSha256 { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    public DateTimeOffset? CompletedUtc { get; init; }

    public ImportCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>How far a running import has got (written every <c>Imports:ProgressInterval</c>); null before it starts and once it has ended.</summary>
    public ImportRecordProgress? Progress { get; init; }

    /// <summary>
    /// When the import last showed it was being worked on: queued, a delivery of its queue message started, progress
    /// written. With the owner's import lease, what tells a live import from one whose run died (<see cref="ImportStall"/>);
    /// null on records stored before it was kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ActiveUtc { get; init; }

    /// <summary>
    /// For a queued import, how many deliveries of its queue message have started (0 while it waits for the first); null
    /// for one imported while its caller waited, which nothing runs again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Deliveries { get; init; }

    /// <summary>
    /// When the import was last queued for <c>ImportContacts</c>: its record saved as queued, just before its queue message
    /// is sent (<see cref="ImportQueueing"/>). Null for one imported while its caller waited, and on records stored before it was kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? QueuedUtc { get; init; }

    /// <summary>
    /// When the queue message of the import's last queuing (<see cref="QueuedUtc"/>) was sent, once the queuing has
    /// recorded it. Null while it is not known to be: a process stopped between saving the queued record and sending the
    /// message leaves it null, and then no delivery will ever come (<see cref="ImportStall"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? MessageSentUtc { get; init; }

    /// <summary>
    /// When the host's last delivery (<c>maxDequeueCount</c>) of the message of the import's last queuing came while another
    /// delivery's run was live, and left the import to it: no delivery comes after it, so once that run stops showing
    /// signs of life the import has stopped (<see cref="ImportStall"/>) instead of waiting out its message's day of life.
    /// Null otherwise; a retry queues the import anew and clears it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DeliveriesSpentUtc { get; init; }

    /// <summary>Contacts handed to <see cref="Campaign"/> (every contact a row names: new, merged or already known; enrolling is idempotent), 0 without a campaign.</summary>
    public int Enrolled { get; init; }

    public IReadOnlyList<ImportRejectedRow> Rejected { get; init; } = [];

    /// <summary>Rejected rows counted but not listed (the report lists the first ones).</summary>
    public long RejectedNotListed { get; init; }

    /// <summary>
    /// The first rows that created a contact (<see cref="ImportRunner.MaxRowsListed"/>; the count covers them all, and
    /// <c>GET /api/imports/{id}/rows</c> lists every row, <see cref="ImportRowLog"/>).
    /// </summary>
    public IReadOnlyList<ImportAcceptedRow> Accepted { get; init; } = [];

    /// <summary>The first rows merged into a contact, with the fields each filled in (capped like <see cref="Accepted"/>).</summary>
    public IReadOnlyList<ImportMergedRow> Merged { get; init; } = [];

    /// <summary>
    /// The line of the first row not read because the file has more rows than <c>Limits:MaxRowsPerImport</c>, or
    /// null when the whole file was read. Everything before it is imported.
    /// </summary>
    public int? NotReadFromLine { get; init; }

    /// <summary>
    /// The line of a row too long to read (a quote never closed, past 16 MiB), where the import stopped, or null. Every
    /// row before it is imported; the message says to fix the quote and upload the file again.
    /// </summary>
    public int? StoppedAtLine { get; init; }

    /// <summary>
    /// Rows taken out of the stored file and this record because the contact they described was erased
    /// (<see cref="ImportErasure"/>). The counts still include them; line numbers refer to the file as uploaded.
    /// </summary>
    public int ErasedRows { get; init; }

    /// <summary>A note on an empty file, or why the import (or the enrolment after it) failed.</summary>
    public string? Message { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// The code of the refusal that failed the import when its file or what it asked for caused it (<c>import.no-header</c>,
    /// <c>import.upload-missing</c>...), or that the owner was busy, the owner's lease lost, consent withdrawn or the kept file
    /// left changed by an erasure that did not finish (<see cref="RetryableCodes"/>); null
    /// for a failure of the server or of storage, and on records stored before it was kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorCode { get; init; }

    /// <summary>How many times the import was retried (<c>POST /api/imports/{id}/retry</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Retries { get; init; }

    /// <summary>
    /// Whether the import can be retried (<c>POST /api/imports/{id}/retry</c>, its kept file read again as it was asked):
    /// it failed, and not because of its file or what it asked for, which would fail the same way again.
    /// </summary>
    public bool Retryable => Status == ImportStatus.Failed && (ErrorCode is null || RetryableCodes.Contains(ErrorCode));

    /// <summary>
    /// The failures whose cause may pass: another import of the owner held them too long, or went ahead while this one
    /// stalled; consent was withdrawn (and may be given again); the kept file was not the one uploaded, which erasing the
    /// contact again mends when an erasure left it so (a retry checks the file first, <see cref="ImportRetry"/>).
    /// </summary>
    internal static IReadOnlySet<string> RetryableCodes { get; } = new HashSet<string>(StringComparer.Ordinal) { ImportLeases.OwnerBusyCode, ImportLeases.LostCode, ImportContactsFunction.ConsentWithdrawnCode, ImportKeptFile.ChangedCode };

    /// <summary>
    /// The record of this failed import queued again by <paramref name="starter"/> (<c>RetryImport</c>): what was asked
    /// and the kept file stay; what the failed attempt reported goes, since the retry reads the whole file again from its
    /// first row (rows whose contacts are stored already change nothing); it waits for its new queue message.
    /// </summary>
    public ImportRecord Retried(ImportStarter starter, DateTimeOffset now) => this with
    {
        Status = ImportStatus.Queued,
        StartedBy = starter,
        CompletedUtc = null,
        Counts = new ImportCounts(0, 0, 0, 0, 0),
        Progress = null,
        Enrolled = 0,
        Rejected = [],
        RejectedNotListed = 0,
        Accepted = [],
        Merged = [],
        NotReadFromLine = null,
        StoppedAtLine = null,
        Message = null,
        Error = null,
        ErrorCode = null,
        ActiveUtc = now,
        Deliveries = 0,
        QueuedUtc = now,
        MessageSentUtc = null,
        DeliveriesSpentUtc = null,
        Retries = Retries + 1,
    };

    /// <summary>
    /// The record of an import that failed with <paramref name="error"/> after reaching <paramref name="reached"/> (the last
    /// progress it reported, once a batch was written; null when it read no row): its counts are the rows whose contacts
    /// are stored, and the error says so, so a failure on the last delivery does not read as nothing imported.
    /// </summary>
    public ImportRecord Failed(string error, ImportProgress? reached, DateTimeOffset now) => this with
    {
        Status = ImportStatus.Failed,
        Progress = null,
        CompletedUtc = now,
        Counts = reached is { RowsRead: > 0 } r ? new ImportCounts(r.RowsRead, r.Accepted, r.Merged, r.Unchanged, r.Rejected) : Counts,
        Error = reached is { RowsRead: > 0 } stopped
            ? $"{error} It stopped after {stopped.RowsRead} rows, whose contacts are stored ({stopped.Accepted} new, {stopped.Merged} merged, " +
              $"{stopped.Unchanged} already known, {stopped.Rejected} rejected). Retry the import to import the rest: the rows already imported are not imported twice."
            : error,
    };

    /// <summary>The record of a finished import: the report's counts and rows, the accepted and merged rows seen while streaming.</summary>
    public ImportRecord Completed(
        ImportReport report, IReadOnlyList<ImportAcceptedRow> accepted, IReadOnlyList<ImportMergedRow> merged, int enrolled, string? error, DateTimeOffset now) => this with
    {
        Status = ImportStatus.Completed,
        Progress = null,
        Format = report.Format?.ToString() ?? Format,
        CompletedUtc = now,
        Counts = new ImportCounts(report.RowsRead, report.Accepted, report.Merged, report.Unchanged, report.Rejected),
        Enrolled = enrolled,
        Rejected = [.. report.RejectedRows.Select(ImportRejectedRow.Of)],
        RejectedNotListed = report.RejectedRowsNotListed,
        Accepted = accepted,
        Merged = merged,
        NotReadFromLine = report.NotReadFromLine,
        StoppedAtLine = report.StoppedAtLine,
        Message = report.NotReadFromLine is null ? report.Message : report.Message + " The limit is the Limits:MaxRowsPerImport setting.",
        Error = error,
    };
}

/// <summary>
/// How far a running import has got: rows and bytes read, and the share of the file read when its size is known; once
/// every row is read, how many of the contacts they name have had their meetings counted and been enrolled
/// (<see cref="ContactsDone"/> of <see cref="ContactsTotal"/>, absent while rows are read), so a long last step still moves.
/// </summary>
internal sealed record ImportRecordProgress(
    long RowsRead,
    long BytesRead,
    long? TotalBytes,
    int? Percent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ContactsDone = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ContactsTotal = null)
{
    /// <summary>The record's view of <paramref name="progress"/>; the percentage stays below 100 until the import completes.</summary>
    public static ImportRecordProgress Of(ImportProgress progress) => new(
        progress.RowsRead,
        progress.BytesRead,
        progress.TotalBytes,
        progress.TotalBytes is > 0 and var total ? (int)Math.Min(99, progress.BytesRead * 100 / total) : null);
}

/// <summary>Rows read, and what became of them (<c>alreadyKnown</c>: matched a stored contact and changed nothing).</summary>
internal sealed record ImportCounts(long Rows, long Accepted, long Merged, long AlreadyKnown, long Rejected);

/// <summary>
/// A refused row: its line, why (one entry a field: a row can be wrong in several), and its original text so nothing
/// is lost, cut at <see cref="ImportReport.MaxRawTextLength"/> characters when <see cref="TextTruncated"/> (the
/// rejected-rows download has it whole).
/// </summary>
internal sealed record ImportRejectedRow(int Line, IReadOnlyList<ImportRowProblem> Errors, string Text, bool TextTruncated)
{
    public static ImportRejectedRow Of(RejectedRow row) =>
        new(row.Line, [.. row.Errors.Select(e => new ImportRowProblem(e.Field, e.Reason))], row.RawText, row.RawTextTruncated);
}

/// <summary>
/// A row that created a contact, and the addresses of the row its contact is not found by (one in a cell of several that
/// is not a valid address, or past the most a contact is found by: <see cref="ImportReport.RowsWithAddressesLeftOut"/>),
/// which were left out; absent when there were none.
/// </summary>
internal sealed record ImportAcceptedRow(
    int Line,
    string ContactId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ImportRowProblem>? NotAdded = null)
{
    /// <summary>The accepted row of <paramref name="row"/>.</summary>
    public static ImportAcceptedRow Of(in ImportRowResult row) => new(row.Line, row.ContactId!, ImportRowProblem.AllOf(row.Errors));
}

/// <summary>
/// A row merged into a contact (an earlier row of the file, or a stored contact it added to), and the contact's fields
/// that were empty and it filled in (<c>email</c>, <c>company</c>, <c>events</c>...; empty when it only confirmed what
/// was known, or appended to notes and events the contact had), and the parts of the row the contact had no room for
/// (<see cref="ContactLimits"/>) or addresses it is not found by (as <see cref="ImportAcceptedRow"/>'s), which were not
/// added; absent when there were none.
/// </summary>
internal sealed record ImportMergedRow(
    int Line,
    string ContactId,
    IReadOnlyList<string> Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ImportRowProblem>? NotAdded = null)
{
    /// <summary>The merged row of <paramref name="row"/>.</summary>
    public static ImportMergedRow Of(in ImportRowResult row) => new(
        row.Line,
        row.ContactId!,
        ContactFieldSets.NamesOf(row.Filled),
        ImportRowProblem.AllOf(row.Errors));
}

/// <summary>What is wrong with a row in one of the file's columns: why a rejected row was refused, or why a part of an imported row was not added.</summary>
internal sealed record ImportRowProblem(string Field, string Reason)
{
    /// <summary>The problems of an imported row; null for none.</summary>
    public static IReadOnlyList<ImportRowProblem>? AllOf(IReadOnlyList<RowError> errors) =>
        errors.Count == 0 ? null : [.. errors.Select(e => new ImportRowProblem(e.Field, e.Reason))];
}
