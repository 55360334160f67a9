namespace Outreach.Core.Imports;

/// <summary>Length limits per field, in characters; longer values reject the row (naming the limit) rather than being cut.</summary>
public static class RowLimits
{
    /// <summary>First, last and full name, company, position, event.</summary>
    public const int Name = 256;

    /// <summary>Email address (RFC 5321's path limit).</summary>
    public const int Email = 320;

    /// <summary>LinkedIn profile URL.</summary>
    public const int Url = 2048;

    /// <summary>Notes and what the owner can offer.</summary>
    public const int Notes = 4000;

    /// <summary>The tags cell.</summary>
    public const int Tags = 1000;
}
