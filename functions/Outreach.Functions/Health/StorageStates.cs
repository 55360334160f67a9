namespace Outreach.Functions.Health;

/// <summary>What the health check found when it asked storage.</summary>
internal static class StorageStates
{
    public const string Ok = "ok";
    public const string Unreachable = "unreachable";
    public const string Rejected = "rejected";
    public const string NotConfigured = "not-configured";
}
