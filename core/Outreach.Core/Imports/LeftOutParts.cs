using System.Globalization;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// What an import says about the parts of a merged row its contact had no room for (<see cref="ContactLimits"/>): one
/// problem per part, named by the file's column, listed with the row's outcome. The rest of the row is merged.
/// </summary>
internal sealed class LeftOutParts(ImportLayout layout)
{
    private const string RestMerged = "the most a contact keeps; the rest of the row was merged";

    /// <summary>The problems for <paramref name="leftOut"/>; empty for none.</summary>
    public IReadOnlyList<RowError> Describe(ContactFieldSet leftOut)
    {
        if (leftOut == ContactFieldSet.None)
        {
            return [];
        }

        var problems = new List<RowError>(1);
        if ((leftOut & ContactFieldSet.Notes) != 0)
        {
            problems.Add(new RowError(layout.HeaderOf(ContactField.Notes), $"was not added: the contact's notes would pass {Count(ContactLimits.Notes)} characters, {RestMerged}"));
        }

        if ((leftOut & ContactFieldSet.Offer) != 0)
        {
            problems.Add(new RowError(layout.HeaderOf(ContactField.Offer), $"was not added: what you can offer this contact would pass {Count(ContactLimits.Offer)} characters, {RestMerged}"));
        }

        if ((leftOut & ContactFieldSet.Events) != 0)
        {
            // The meeting comes from the row's event or date column, or else from the import's event parameter.
            var field = layout.Has(ContactField.Event) ? layout.HeaderOf(ContactField.Event) : layout.Has(ContactField.MetOn) ? layout.HeaderOf(ContactField.MetOn) : "event";
            problems.Add(new RowError(field, $"was not added: the contact would have more than {Count(ContactLimits.Events)} events met, {RestMerged}"));
        }

        if ((leftOut & ContactFieldSet.Tags) != 0)
        {
            problems.Add(new RowError(layout.HeaderOf(ContactField.Tags), $"were not added: the contact's tags would pass {Count(ContactLimits.TagCharacters)} characters, {RestMerged}"));
        }

        return problems;
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
