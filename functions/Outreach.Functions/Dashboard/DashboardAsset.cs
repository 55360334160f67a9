using Microsoft.Net.Http.Headers;

namespace Outreach.Functions.Dashboard;

/// <summary>One embedded dashboard file, the content type it is served with, and its entity tag (a hash of its content).</summary>
internal sealed record DashboardAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
