using System.Globalization;
using System.Text;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Every row of an import and what became of it, one CSV line a row under <see cref="Header"/>: the line the row starts
/// on, its outcome (<c>accepted</c>, <c>merged</c>, <c>already known</c>, <c>rejected</c>), the contact it created or
/// merged into, the fields it filled in, and its problems: why it was refused, or which of its parts its contact had no
/// room for (<see cref="Contacts.ContactLimits"/>). The import's record lists the first rows; this lists
/// them all. It holds no cell of the file: a rejected row's text is in <see cref="RejectedRowsCsv"/>.
/// </summary>
/// <remarks>
/// Each row is one physical line (a line break in a reason becomes a space), and its first three cells never need
/// quoting, so a line's number and contact id are read back without a CSV parser (<see cref="TryReadKey"/>), as erasing
/// a contact does.
/// </remarks>
public static class ImportRowsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "Line,Outcome,Contact id,Fields filled,Problems";

    /// <summary>The outcome as the file names it (the record's counts use the same words).</summary>
    public static string OutcomeName(ImportRowOutcome outcome) => outcome switch
    {
        ImportRowOutcome.New => "accepted",
        ImportRowOutcome.Merged => "merged",
        ImportRowOutcome.Unchanged => "already known",
        ImportRowOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an import row outcome."),
    };

    /// <summary>Replaces <paramref name="line"/>'s text with the row's line (without its line break).</summary>
    public static void Write(StringBuilder line, in ImportRowResult row)
    {
        ArgumentNullException.ThrowIfNull(line);
        line.Clear()
            .Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(OutcomeName(row.Outcome)).Append(',')
            .Append(row.ContactId).Append(',')
            .AppendJoin(' ', ContactFieldSets.NamesOf(row.Filled)).Append(',');
        if (row.Errors.Count > 0)
        {
            // A problem starts with the file's own header (=Email, once folded, is the email column): a leading
            // apostrophe keeps a spreadsheet from running it as a formula, and shows the text as it is.
            var problems = RowError.Describe(row.Errors).ReplaceLineEndings(" ");
            line.Append(CsvText.Cell(CsvText.StartsLikeFormula(problems) ? "'" + problems : problems, ','));
        }
    }

    /// <summary>The line number and contact id (empty for a rejected row) of one line of the file; false for the header or a line not of this layout.</summary>
    public static bool TryReadKey(ReadOnlySpan<char> text, out int line, out ReadOnlySpan<char> contactId)
    {
        contactId = default;
        line = 0;
        var first = text.IndexOf(',');
        if (first <= 0 || !int.TryParse(text[..first], NumberStyles.None, CultureInfo.InvariantCulture, out line))
        {
            return false;
        }

        var rest = text[(first + 1)..];
        var second = rest.IndexOf(',');
        if (second < 0)
        {
            return false;
        }

        rest = rest[(second + 1)..];
        var third = rest.IndexOf(',');
        contactId = third < 0 ? rest : rest[..third];
        return true;
    }
}
