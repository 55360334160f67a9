namespace Outreach.Core.Contacts;

/// <summary>The identities a contact can be matched on, strongest first (the order de-duplication tries them).</summary>
public enum ContactKeyKind
{
    /// <summary>Lower-cased email address.</summary>
    Email = 0,

    /// <summary>Canonical LinkedIn profile URL (<c>https://www.linkedin.com/in/handle</c>).</summary>
    LinkedIn = 1,

    /// <summary>Normalised full name and company (case, diacritics, punctuation and whitespace folded).</summary>
    NameAndCompany = 2,
}
