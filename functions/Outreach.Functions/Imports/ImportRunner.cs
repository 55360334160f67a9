using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Core.Planning;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Limits;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Imports;

/// <summary>
/// Runs one import to its end for the HTTP function (small files) and the queue function (large ones) alike: reads the
/// rows into the owner's contacts (<see cref="ContactImporter"/> over the contact table), has the planned drafts of the
/// contacts it merged into measured and scored again (<see cref="PendingDrafts"/>), enrols the contacts its rows name
/// (new, merged or already known) in the campaign asked for, and stores the completed record.
/// </summary>
internal sealed class ImportRunner(
    TableStores stores,
    ImportRecordStore records,
    ImportLeases leases,
    EnrolmentService enrolment,
    PendingDrafts drafts,
    MetricsRecorder metrics,
    IOptions<LimitsOptions> limits,
    IOptions<ImportsOptions> options,
    TimeProvider time)
{
    /// <summary>The accepted rows, and separately the merged rows, a report lists (the counts cover them all).</summary>
    public const int MaxRowsListed = 1000;

    /// <summary>Contacts enrolled per <see cref="EnrolmentService.EnrolAsync"/> call.</summary>
    private const int EnrolmentBatch = 100;

    /// <summary>
    /// Detects the file's encoding, separator and header: a <see cref="DomainException"/> <c>import.not-text</c> or
    /// <c>import.no-header</c> when it cannot be read (the input is not disposed).
    /// </summary>
    /// <param name="input">The file.</param>
    /// <param name="options">What the import was asked to do.</param>
    /// <param name="progress">Receives how far the import has got, batch by batch (for <see cref="RunAsync(ContactImport, ImportRun, Campaign?, LatestImportProgress?, CancellationToken)"/> to record), or null.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <remarks>
    /// Each new contact records the owner-local day of the import (<see cref="ImportOptions.AddedOn"/>): a contact without a
    /// meeting date is counted as met on that day, and its follow-up clock starts there even when it is enrolled later.
    /// </remarks>
    public async Task<ContactImport> StartAsync(Stream input, ImportOptions options, LatestImportProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (_, today) = await OwnerTodayAsync(options.OwnerId, cancellationToken).ConfigureAwait(false);
        return await new ContactImporter(stores.Contacts, new LeaseGuardedSink(stores.Contacts, leases, options.OwnerId, options.ImportId))
            .StartAsync(input, WithinLimits(options) with { AddedOn = today }, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="options"/> under this deployment's <c>Limits:MaxRowsPerImport</c>, <c>Limits:MaxFieldLength</c> and <c>Limits:MaxContactsReadAtOnce</c>.</summary>
    public ImportOptions WithinLimits(ImportOptions options) =>
        options with { MaxRows = limits.Value.MaxRowsPerImport, MaxFieldLength = limits.Value.MaxFieldLength, MaxContactsReadAtOnce = limits.Value.MaxContactsReadAtOnce };

    /// <summary>The campaign an import will enrol into: a <see cref="DomainException"/> naming <c>campaign</c> when the owner has none by that id.</summary>
    public async Task<Campaign?> CampaignAsync(string ownerId, string? campaignId, CancellationToken cancellationToken) =>
        campaignId is null
            ? null
            : await stores.Campaigns.GetAsync(ownerId, campaignId, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException("import.bad-parameter", $"There is no campaign '{campaignId}'.", "campaign");

    /// <summary>
    /// Reads every row of <paramref name="import"/>, enrols, and saves and returns the completed record. Given the
    /// <paramref name="progress"/> the import was started with, it saves the running record with how far it has got
    /// every <see cref="ImportsOptions.ProgressInterval"/> (when it has moved on), for a caller polling a queued import.
    /// The import runs under the owner's import lease (<see cref="ImportLeases"/>), from its first row to its completed
    /// record: another import of the owner, or an erasure (<see cref="Outcomes.ContactEraser"/>), running is waited for up
    /// to <see cref="ImportsOptions.ConcurrentImportWait"/>, then a <see cref="DomainException"/> <c>import.owner-busy</c>.
    /// So an erasure never meets a half-done import: it finds the contact to erase with everything the import added, and
    /// the import's rows and record as they end. The run writes the record only while it is still its own (<see cref="ImportRun"/>):
    /// first once it holds the lease, then its progress and the completed record; one whose record a stall verdict, a retry or
    /// a later delivery took meanwhile stops there with a <see cref="DomainException"/> <see cref="ImportRun.SupersededCode"/>,
    /// writing nothing over theirs. A queued import's record (its deliveries counted) is claimed by its delivery before it
    /// runs; one imported while its caller waits is written first by its run.
    /// </summary>
    public Task<ImportRecord> RunAsync(
        ContactImport import, ImportRecord record, Campaign? campaign, LatestImportProgress? progress, CancellationToken cancellationToken) =>
        RunAsync(import, Run(record), campaign, progress, cancellationToken);

    /// <summary>The run of <paramref name="record"/> (running), the writer of its record (<see cref="ImportRun"/>).</summary>
    public ImportRun Run(ImportRecord record) => new(records, record, mayCreate: record.Deliveries is null);

    /// <summary>As <see cref="RunAsync(ContactImport, ImportRecord, Campaign?, LatestImportProgress?, CancellationToken)"/>, for the <paramref name="run"/> its caller records failures through.</summary>
    public async Task<ImportRecord> RunAsync(
        ContactImport import, ImportRun run, Campaign? campaign, LatestImportProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lease = await LeaseAsync(run.Started, cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            return await RunAsync(import, run, campaign, progress, lease, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The owner's import lease for <paramref name="record"/>, once another import of the owner or an erasure has finished
    /// (<see cref="ImportsOptions.ConcurrentImportWait"/> at most, then a <see cref="DomainException"/> <c>import.owner-busy</c>).
    /// A queued import takes it before it opens its kept file: an erasure running meanwhile rewrites that file, and a file
    /// opened before would still hand out the erased contact's rows.
    /// </summary>
    public Task<ImportLease> LeaseAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return leases.AcquireAsync(record.OwnerId, record.Id, options.Value.ConcurrentImportWait, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync(ContactImport, ImportRun, Campaign?, LatestImportProgress?, CancellationToken)"/>, under the owner's <paramref name="lease"/> taken already (<see cref="LeaseAsync"/>), which the caller frees.</summary>
    public async Task<ImportRecord> RunAsync(
        ContactImport import, ImportRun run, Campaign? campaign, LatestImportProgress? progress, ImportLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(lease);
        var record = run.Started;
        var log = ImportRowLog.Create();
        await using (log.ConfigureAwait(false))
        {
            // A sign of life once the wait for the owner is over, and the first check that the record is still this run's.
            await run.SaveAsync(r => r with { ActiveUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            var (accepted, merged, contacts) = await ReadRowsAsync(import, run, progress, lease, log, cancellationToken).ConfigureAwait(false);

            // Before the completed record, so a completed import always has its rows; and only while the record is still
            // this run's, so a run taken over meanwhile does not write its rows over those of the run that took it.
            await run.SaveAsync(r => r with { ActiveUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            await log.SaveAsync(records.Blobs, ImportBlobLayout.Rows(record.OwnerId, record.Id), cancellationToken).ConfigureAwait(false);
            var (enrolled, error) = await ApplyAsync(run, campaign, contacts, progress?.Latest, lease, cancellationToken).ConfigureAwait(false);
            return await run.SaveAsync(r => r.Completed(import.Report, accepted, merged, enrolled, error, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts a check of a file (<c>check=true</c>): read and de-duplicated against the owner's stored contacts exactly
    /// as an import would be, but nothing is written (<see cref="DiscardingContactSink"/>). Fails as
    /// <see cref="StartAsync"/> does, and for a file over <see cref="ImportsOptions.SyncMaxBytes"/>, which is imported
    /// in the background and so not checked while the caller waits.
    /// </summary>
    public Task<ContactImport> StartCheckAsync(Stream input, ImportOptions importOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importOptions);
        if (importOptions.TotalBytes > options.Value.SyncMaxBytes)
        {
            throw new DomainException(
                "import.bad-parameter",
                $"check reads files of up to {options.Value.SyncMaxBytes} bytes (Imports:SyncMaxBytes); import this one, and its report lists the same.",
                "check");
        }

        return new ContactImporter(stores.Contacts, DiscardingContactSink.Instance).StartAsync(input, WithinLimits(importOptions), progress: null, cancellationToken);
    }

    /// <summary>Reads every row of a check (<see cref="StartCheckAsync"/>) and returns what an import would have reported, status <see cref="ImportStatus.Checked"/>; nothing is stored, counted or enrolled.</summary>
    public async Task<ImportRecord> CheckAsync(ContactImport import, ImportRecord record, CancellationToken cancellationToken)
    {
        var (accepted, merged, _) = await ReadRowsAsync(import, run: null, progress: null, lease: null, log: null, cancellationToken).ConfigureAwait(false);
        return record.Completed(import.Report, accepted, merged, enrolled: 0, error: null, time.GetUtcNow()) with { Status = ImportStatus.Checked };
    }

    /// <summary>
    /// Reads the rows, listing the first accepted and merged ones, every row in <paramref name="log"/>, and collecting every
    /// contact a row names; saves progress as <see cref="RunAsync(ContactImport, ImportRun, Campaign?, LatestImportProgress?, CancellationToken)"/> says, and keeps renewing the owner's <paramref name="lease"/> (stopping once it is lost, <see cref="ImportLease.EnsureHeldAsync"/>)
    /// (the run, the lease and the log are null for a check, which stores nothing).
    /// </summary>
    private async Task<(List<ImportAcceptedRow> Accepted, List<ImportMergedRow> Merged, ImportedContacts Contacts)> ReadRowsAsync(
        ContactImport import, ImportRun? run, LatestImportProgress? progress, ImportLease? lease, ImportRowLog? log, CancellationToken cancellationToken)
    {
        var accepted = new List<ImportAcceptedRow>();
        var merged = new List<ImportMergedRow>();
        var contacts = new ImportedContacts();
        var interval = options.Value.ProgressInterval;
        var savedAt = time.GetTimestamp();
        ImportProgress? saved = null;
        await foreach (var row in import.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (lease is not null)
            {
                await lease.EnsureHeldAsync(cancellationToken).ConfigureAwait(false);
            }

            if (run is not null && progress?.Latest is { } latest && latest != saved && time.GetElapsedTime(savedAt) >= interval)
            {
                await run.SaveAsync(r => Reached(r, latest), cancellationToken).ConfigureAwait(false);
                (saved, savedAt) = (latest, time.GetTimestamp());
            }

            if (log is not null)
            {
                await log.AddAsync(row, cancellationToken).ConfigureAwait(false);
            }

            if (row.ContactId is null || row.Outcome == ImportRowOutcome.Rejected)
            {
                continue;
            }

            contacts.Add(row.ContactId, row.Outcome);
            if (row.Outcome == ImportRowOutcome.New && accepted.Count < MaxRowsListed)
            {
                accepted.Add(ImportAcceptedRow.Of(row));
            }
            else if (row.Outcome == ImportRowOutcome.Merged && merged.Count < MaxRowsListed)
            {
                merged.Add(ImportMergedRow.Of(row));
            }
        }

        return (accepted, merged, contacts);
    }

    /// <summary>
    /// For the contacts the rows name, a hundred at a time (each read once, the hundred concurrently): counts their meetings
    /// in the metrics in one apply (<see cref="ContactMet"/>, credited to the meeting a send to them is,
    /// <see cref="MeetingContext.Of(Contact, DateOnly)"/>; idempotent per contact and date, so a re-import or a retried queue message counts
    /// nothing twice) and enrols them in <paramref name="campaign"/> (idempotent too). Already-known contacts are enrolled
    /// as well: a file uploaded again with a campaign puts its people in that campaign, and one uploaded again after an
    /// attempt that wrote its contacts and then failed enrols what that attempt never reached. Their meetings are counted
    /// only when dated (an undated contact's is the day it was first imported, <see cref="Contact.AddedOn"/>); a contact
    /// stored before that day was recorded has none, and its meeting credited to today would count again on another day.
    /// A contact enrolled here, or later, has the same day fixed on its tasks as the meeting they follow up
    /// (<see cref="Core.Planning.OutreachTask.MeetingOn"/>), so its sends and replies count for this meeting. The contacts
    /// are imported whatever happens to enrolment: a refusal (no sender profile yet, say) is recorded on the import as its
    /// error, and enrolling later through the campaign works. Given how far reading got (<paramref name="read"/>), the
    /// running record says how many contacts are done every <see cref="ImportsOptions.ProgressInterval"/>: for tens of
    /// thousands of contacts this step takes minutes, and a record that stopped moving would read as an import stuck.
    /// </summary>
    private async Task<(int Enrolled, string? Error)> ApplyAsync(
        ImportRun run, Campaign? campaign, ImportedContacts imported, ImportProgress? read, ImportLease lease, CancellationToken cancellationToken)
    {
        var ownerId = run.Started.OwnerId;
        var (zone, today) = await OwnerTodayAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var enrolled = 0;
        string? error = null;
        var (done, total, savedAt) = (0L, (long)imported.Ids.Count, time.GetTimestamp());
        foreach (var chunk in imported.Ids.Chunk(EnrolmentBatch))
        {
            await lease.EnsureHeldAsync(cancellationToken).ConfigureAwait(false);
            if (read is { } r && done > 0 && time.GetElapsedTime(savedAt) >= options.Value.ProgressInterval)
            {
                await run.SaveAsync(s => Reached(s, r) with { Progress = ImportRecordProgress.Of(r) with { ContactsDone = done, ContactsTotal = total } }, cancellationToken)
                    .ConfigureAwait(false);
                savedAt = time.GetTimestamp();
            }

            done += chunk.Length;
            var contacts = new List<Contact>(chunk.Length);
            foreach (var contact in await stores.Contacts.GetManyAsync(ownerId, chunk, cancellationToken).ConfigureAwait(false))
            {
                if (contact is not null)
                {
                    contacts.Add(contact);
                }
            }

            await metrics.RecordAllAsync(
                [.. contacts.Where(c => imported.ChangedBy(c.ContactId) || MeetingContext.DateOf(c) is not null)
                    .Select(c => new ContactMet(ownerId, c.ContactId, MeetingContext.Of(c, today)))],
                zone,
                cancellationToken).ConfigureAwait(false);

            // A merged row may have changed what the contact's planned drafts say (notes, position, company): their counts
            // and scores are measured again by the next dispatcher run.
            await drafts.OfContactsChangedAsync(ownerId, chunk.Where(imported.MergedInto), cancellationToken).ConfigureAwait(false);
            if (campaign is null || error is not null)
            {
                continue;
            }

            try
            {
                enrolled += (await enrolment.EnrolAsync(ownerId, campaign, contacts, cancellationToken).ConfigureAwait(false)).Contacts;
            }
            catch (DomainException e)
            {
                error = $"The contacts were imported but not enrolled in '{campaign.CampaignId}': {e.Message}";
            }
        }

        return (enrolled, error);
    }

    /// <summary>
    /// The running record at <paramref name="latest"/>: its progress, and the counts of the rows whose contacts are stored
    /// so far, which are what a run that dies after this had done (<see cref="ImportStall"/>).
    /// </summary>
    private ImportRecord Reached(ImportRecord record, ImportProgress latest) => record with
    {
        Progress = ImportRecordProgress.Of(latest),
        Counts = new ImportCounts(latest.RowsRead, latest.Accepted, latest.Merged, latest.Unchanged, latest.Rejected),
        ActiveUtc = time.GetUtcNow(),
    };

    /// <summary>The zone the owner's metrics count days in (their sender profile's, UTC before they have one) and today there.</summary>
    private async Task<(TimeZoneInfo Zone, DateOnly Today)> OwnerTodayAsync(string ownerId, CancellationToken cancellationToken)
    {
        var profile = await stores.Senders.GetAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var zone = profile?.ToSchedule().TimeZone ?? TimeZoneInfo.Utc;
        return (zone, OwnerCalendar.LocalDate(time.GetUtcNow(), zone));
    }
}
