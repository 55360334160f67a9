namespace Outreach.Functions.Limits;

/// <summary>Marks an endpoint that takes uploads, so its body may be as large as <see cref="LimitsOptions.MaxUploadBytes"/>.</summary>
internal sealed class UploadEndpointMetadata
{
    public static readonly UploadEndpointMetadata Instance = new();
}
