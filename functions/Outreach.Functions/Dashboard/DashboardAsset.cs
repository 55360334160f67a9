namespace Outreach.Functions.Dashboard;

/// <summary>One embedded dashboard file and the content type it is served with.</summary>
internal sealed record DashboardAsset(byte[] Content, string ContentType);
