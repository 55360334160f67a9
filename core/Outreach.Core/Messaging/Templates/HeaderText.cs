using System.Text;

namespace Outreach.Core.Messaging.Templates;

/// <summary>Makes rendered text safe for a one-line header: no CR, LF or other line breaks can split the header.</summary>
public static class HeaderText
{
    /// <summary>Collapses every run of whitespace and control characters (CR, LF, tab, U+2028, …) into one space and trims.</summary>
    public static string ToSingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
