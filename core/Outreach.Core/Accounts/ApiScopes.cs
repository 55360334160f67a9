namespace Outreach.Core.Accounts;

/// <summary>What an API key (or a coach's consent) allows. Keys carry the least they need.</summary>
[Flags]
public enum ApiScopes
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Read contacts, tasks, reports and metrics.</summary>
    Read = 1,

    /// <summary>Import contacts, edit campaigns and templates, enrol, record outcomes, erase.</summary>
    Write = 2,

    /// <summary>Put outreach on the send queue.</summary>
    Send = 4,

    /// <summary>Manage accounts and keys.</summary>
    Admin = 8,

    /// <summary>Everything an owner can do with their own data.</summary>
    OwnerDefault = Read | Write | Send,
}
