namespace Outreach.Core.Imports;

/// <summary>The kinds of contact file an import understands (detected from the header unless given).</summary>
public enum ImportFormat
{
    /// <summary>Any CSV whose headers match the alias table (<c>Email</c>, <c>Full name</c>, <c>Organisation</c>...).</summary>
    Generic = 0,

    /// <summary>LinkedIn's <c>Connections.csv</c> (with or without the <c>URL</c> column, after its "Notes:" preamble).</summary>
    LinkedInConnections = 1,

    /// <summary>Google Contacts export (old <c>Name,Given Name,...,E-mail 1 - Value</c> or new <c>First Name,...,Organization Name</c> layout).</summary>
    GoogleContacts = 2,

    /// <summary>Outlook contacts export (<c>First Name,Middle Name,Last Name,Title,...,E-mail Address,...,Company,Job Title</c>).</summary>
    OutlookContacts = 3,

    /// <summary>Outreach's class-visit sheet (see samples/README.md).</summary>
    ClassVisitSheet = 4,
}
