namespace Outreach.Core.Accounts;

/// <summary>What an account is allowed to be in the product.</summary>
public enum AccountKind
{
    /// <summary>A student or job seeker who owns contacts and campaigns.</summary>
    Owner,

    /// <summary>A career coach: owns shared campaigns and may act on consenting clients' data.</summary>
    Coach,

    /// <summary>Operates the deployment; may act on any owner's data.</summary>
    Admin,
}
