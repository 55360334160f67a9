using Outreach.Core.Contacts;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Plans the erasure of one contact (the pure part; storage carries it out). Deleted: the contact entity, its
/// tasks (rendered subjects and bodies, recipient), its outcomes (notes), stored inbound messages, and every
/// blob under <see cref="ContactBlobLayout.Prefix"/> in the inbound and rendered containers. Redacted: the
/// contact's line in the import file it came from. Hashed: its suppression entry. Kept: anonymous counters
/// per owner/day/step/template, so reply rates and the baseline comparison stay true.
/// </summary>
public static class ErasurePlanner
{
    /// <summary>Builds the plan.</summary>
    public static ErasurePlan Plan(ErasureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = request.Contact;
        var steps = new List<ErasureStep>();
        steps.AddRange(request.Tasks.Select(t => new ErasureStep(ErasureTarget.Task, ErasureMode.Delete, t.TaskId)));
        steps.AddRange(request.Outcomes.Select(o => new ErasureStep(ErasureTarget.Outcome, ErasureMode.Delete, o.DedupeKey)));
        steps.AddRange(request.InboundMessageKeys.Select(k => new ErasureStep(ErasureTarget.InboundMessage, ErasureMode.Delete, k)));
        var prefix = ContactBlobLayout.Prefix(contact.OwnerId, contact.ContactId);
        steps.Add(new ErasureStep(ErasureTarget.BlobPrefix, ErasureMode.Delete, $"{ContactBlobLayout.InboundContainer}/{prefix}"));
        steps.Add(new ErasureStep(ErasureTarget.BlobPrefix, ErasureMode.Delete, $"{ContactBlobLayout.RenderedContainer}/{prefix}"));
        if (contact.Source is { } source)
        {
            steps.Add(new ErasureStep(ErasureTarget.ImportRow, ErasureMode.Redact, source.ImportId, source.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var suppressionHash = contact.EmailKey is { Length: > 0 } email ? DedupeKeys.Sha256Hex(email) : null;
        if (suppressionHash is not null)
        {
            steps.Add(new ErasureStep(ErasureTarget.Suppression, ErasureMode.ReplaceWithHash, suppressionHash));
        }

        steps.Add(new ErasureStep(ErasureTarget.Contact, ErasureMode.Delete, contact.ContactId));

        return new ErasurePlan
        {
            OwnerId = contact.OwnerId,
            ContactId = contact.ContactId,
            Steps = steps,
            RetainedCounters = Counters(contact.OwnerId, request.Tasks, request.Outcomes),
            SuppressionHash = suppressionHash,
            ForbiddenValues = ForbiddenValues(contact),
        };
    }

    private static List<RetainedCounter> Counters(string ownerId, IReadOnlyList<ErasureTask> tasks, IReadOnlyList<Outcome> outcomes)
    {
        var responded = outcomes.Where(o => Outcome.IsResponse(o.Type) && o.TaskId is not null).Select(o => o.TaskId!).ToHashSet(StringComparer.Ordinal);
        var bounced = outcomes.Where(o => o.Type == OutcomeType.Bounced && o.TaskId is not null).Select(o => o.TaskId!).ToHashSet(StringComparer.Ordinal);
        return tasks
            .Where(t => t.SentOn is not null)
            .GroupBy(t => (Day: t.SentOn!.Value, t.Step, t.TemplateId))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Step, StringComparer.Ordinal).ThenBy(g => g.Key.TemplateId, StringComparer.Ordinal)
            .Select(g => new RetainedCounter(
                ownerId,
                g.Key.Day,
                g.Key.Step,
                g.Key.TemplateId,
                g.Count(),
                g.Count(t => responded.Contains(t.TaskId)),
                g.Count(t => bounced.Contains(t.TaskId))))
            .ToList();
    }

    private static List<(PersonalDataKind, string)> ForbiddenValues(Contact contact)
    {
        var values = new List<(PersonalDataKind, string)>();
        if (contact.Email?.Trim() is { Length: > 0 } email)
        {
            values.Add((PersonalDataKind.Email, email));
        }

        // A lone first name ("Ada") would match other people's data; the rule is about the full name.
        if (contact.FullName is { } name && !string.IsNullOrWhiteSpace(contact.FirstName) && !string.IsNullOrWhiteSpace(contact.LastName))
        {
            values.Add((PersonalDataKind.Name, name));
        }

        if (contact.LinkedInUrl?.Trim() is { Length: > 0 } url)
        {
            values.Add((PersonalDataKind.LinkedInUrl, url));

            // Catch the same profile written without scheme or "www." (http://linkedin.com/in/ada).
            var host = url.IndexOf("linkedin.com/", StringComparison.OrdinalIgnoreCase);
            if (host > 0)
            {
                values.Add((PersonalDataKind.LinkedInUrl, url[host..].TrimEnd('/')));
            }
        }

        return values;
    }
}
