using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The introduction side of erasing a contact: every introduction naming it as A or B is stopped and loses the
/// contact's id and the introducer's reason (<see cref="IntroductionErasure"/>), and the messages of those
/// introductions are deleted with their sent-message rows, including the one to the other person, whose rendered
/// text names the erased one. The metric counters were written at send time and stay.
/// </summary>
internal sealed class IntroductionEraser(TableStores stores, TimeProvider time)
{
    /// <summary>A write lost to a concurrent change (the hourly timer, an answer) is read and applied again this often.</summary>
    private const int Attempts = 3;

    /// <summary>Erases the contact from the owner's introductions; returns how many named it.</summary>
    public async Task<int> EraseAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var introductions = await stores.Introductions.ListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var naming = introductions.Where(i => IntroductionErasure.Names(i, contactId)).ToList();
        if (naming.Count == 0)
        {
            return 0;
        }

        foreach (var introduction in naming)
        {
            await StopAsync(introduction, contactId, cancellationToken).ConfigureAwait(false);
        }

        var ids = naming.Select(i => i.IntroductionId).ToHashSet(StringComparer.Ordinal);
        foreach (var task in await stores.Tasks.ListAsync(ownerId, new TaskQuery(), cancellationToken).ConfigureAwait(false))
        {
            if (task.IntroductionId is { } id && ids.Contains(id))
            {
                await stores.SentMessages.RemoveAsync(task.TaskId, task.MessageId, cancellationToken).ConfigureAwait(false);
                await stores.Tasks.DeleteAsync(ownerId, task.TaskId, cancellationToken).ConfigureAwait(false);
            }
        }

        return naming.Count;
    }

    private async Task StopAsync(Introduction introduction, string contactId, CancellationToken cancellationToken)
    {
        var current = introduction;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await stores.Introductions.TryReplaceAsync(IntroductionErasure.Erase(current, contactId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            current = await stores.Introductions.GetAsync(current.OwnerId, current.IntroductionId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Introduction {current.IntroductionId} disappeared while a contact named in it was erased.");
        }

        throw new InvalidOperationException($"Introduction {introduction.IntroductionId} kept changing while a contact named in it was erased; erase the contact again.");
    }
}
