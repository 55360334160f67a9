using Azure.Identity;
using Outreach.Functions.Hosting;
using Outreach.Storage;

namespace Outreach.Functions.Storage;

/// <summary>
/// The app's <see cref="StorageAccount"/>, from the host's own storage setting <c>AzureWebJobsStorage</c>: a connection
/// string (Azurite locally), or the identity-based form Azure uses (<c>AzureWebJobsStorage__accountName</c>, or
/// <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>, with <c>__clientId</c> for a
/// user-assigned managed identity).
/// </summary>
internal static class StorageAccountRegistration
{
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>The identity-based form's keys under <see cref="ConnectionName"/>.</summary>
    public const string AccountNameKey = "accountName";

    public const string ClientIdKey = "clientId";

    /// <summary>The storage services the app uses; each may have its own endpoint key, <see cref="ServiceUriKey"/>.</summary>
    public static readonly IReadOnlyList<string> Services = ["blob", "queue", "table"];

    public static string ServiceUriKey(string service) => $"{service}ServiceUri";

    public static IServiceCollection AddStorageAccount(this IServiceCollection services) =>
        services.AddSingleton(sp => Create(sp.GetRequiredService<IConfiguration>().GetSection(ConnectionName), sp.GetRequiredService<TimeProvider>()));

    public static StorageAccount Create(IConfigurationSection setting, TimeProvider time)
    {
        var options = new StorageClientOptions { TimeProvider = time };
        if (setting.Value is { Length: > 0 } connectionString)
        {
            return StorageAccount.FromConnectionString(connectionString, options);
        }

        var accountName = setting[AccountNameKey];
        Uri? Endpoint(string service) => setting[ServiceUriKey(service)] is { Length: > 0 } uri
            ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net") : null;
        var (blob, queue, table) = (Endpoint("blob"), Endpoint("queue"), Endpoint("table"));
        if (blob is null || queue is null || table is null)
        {
            throw new FunctionAppConfigurationException(
                $"{ConnectionName} is not configured: set it to a storage connection string (UseDevelopmentStorage=true for Azurite), or set {ConnectionName}__accountName to use a managed identity.");
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = setting[ClientIdKey] });
        return new StorageAccount(blob, queue, table, credential, options);
    }
}
