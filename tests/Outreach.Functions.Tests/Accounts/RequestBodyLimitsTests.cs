using Microsoft.AspNetCore.Http;
using Outreach.Functions.Limits;

namespace Outreach.Functions.Tests.Accounts;

public sealed class RequestBodyLimitsTests
{
    private static readonly LimitsOptions Limits = new() { MaxUploadBytes = 20 * 1024 * 1024, MaxRequestBytes = 1024 * 1024 };

    [Fact]
    public void Upload_endpoints_get_the_upload_limit_and_name_its_setting()
    {
        var upload = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(UploadEndpointMetadata.Instance), "ImportContacts");

        Assert.Equal((20L * 1024 * 1024, "Limits:MaxUploadBytes"), RequestBodyLimits.For(upload, Limits));
    }

    [Fact]
    public void Other_endpoints_and_unrouted_requests_get_the_request_limit()
    {
        var plain = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "GrantConsent");

        Assert.Equal((1024L * 1024, "Limits:MaxRequestBytes"), RequestBodyLimits.For(plain, Limits));
        Assert.Equal((1024L * 1024, "Limits:MaxRequestBytes"), RequestBodyLimits.For(null, Limits));
    }
}
