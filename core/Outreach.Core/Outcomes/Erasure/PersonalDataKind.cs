namespace Outreach.Core.Outcomes;

/// <summary>Which kind of a contact's identifying value a scan found (reported instead of the value itself).</summary>
public enum PersonalDataKind
{
    /// <summary>The email address.</summary>
    Email,

    /// <summary>The full name.</summary>
    Name,

    /// <summary>The LinkedIn profile URL or handle path.</summary>
    LinkedInUrl,
}
