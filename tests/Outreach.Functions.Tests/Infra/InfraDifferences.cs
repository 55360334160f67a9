using Outreach.Functions.Configuration;

namespace Outreach.Functions.Tests.Infra;

/// <summary>
/// Compares what the app uses (<see cref="AppResourceManifest"/>) with what <c>infra/</c> creates and sets, and says, per
/// item, which side names it and which lacks it.
/// </summary>
internal static class InfraDifferences
{
    public const string QueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string TableType = "Microsoft.Storage/storageAccounts/tableServices/tables";
    public const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";

    /// <summary>Containers only the platform reads: the Flex Consumption deployment package (functionAppConfig.deployment.storage).</summary>
    public static readonly HashSet<string> InfraOnlyContainers = new(StringComparer.Ordinal) { "app-package" };

    private const string App = "The app";
    private const string FlexPlatform = "Flex Consumption (deployment package)";

    public static IReadOnlyList<string> Between(AppResourceManifest app, BicepTemplates infra) =>
    [
        .. Names("queue", app.Queues, infra.NamesOf(QueueType), StringComparer.Ordinal, _ => App),
        .. Names("table", app.Tables, infra.NamesOf(TableType), StringComparer.OrdinalIgnoreCase, _ => App),
        .. Names(
            "blob container",
            [.. app.BlobContainers, .. InfraOnlyContainers],
            infra.NamesOf(ContainerType),
            StringComparer.Ordinal,
            name => InfraOnlyContainers.Contains(name) ? FlexPlatform : App),
        .. Settings(app.Settings, infra.AppSettings.ToList()),
    ];

    private static IEnumerable<string> Names(
        string kind, IReadOnlyCollection<string> used, IReadOnlyCollection<string> created, StringComparer comparer, Func<string, string> user) =>
        used.Except(created, comparer).Select(name => $"{user(name)} uses {kind} '{name}', but infra/ does not create it.")
            .Concat(created.Except(used, comparer).Select(name => $"infra/ creates {kind} '{name}', but the app does not use it."));

    private static IEnumerable<string> Settings(IReadOnlyList<AppSetting> read, IReadOnlyList<BicepTemplates.BicepAppSetting> set)
    {
        foreach (var setting in read)
        {
            var inBicep = set.Where(s => setting.Matches(s.ConfigurationKey)).ToList();
            switch (setting.Use)
            {
                case AppSettingUse.NotInAzure when inBicep.Count > 0:
                    yield return $"infra/ sets '{setting.AppSettingName}' ({inBicep[0].File}), but '{setting.Key}' ({setting.ReadBy}) stays unset in Azure: {setting.Reason}.";
                    break;
                case AppSettingUse.Plain or AppSettingUse.KeyVaultReference when inBicep.Count == 0:
                    yield return $"The app reads '{setting.Key}' ({setting.ReadBy}), but infra/ sets no app setting '{setting.AppSettingName}'.";
                    break;
                case AppSettingUse.KeyVaultReference when inBicep.Any(s => !s.Value.StartsWith("'@Microsoft.KeyVault(", StringComparison.Ordinal)):
                    yield return $"'{setting.AppSettingName}' is a secret ({setting.ReadBy}), but infra/ sets it to {inBicep[0].Value} instead of a Key Vault reference.";
                    break;
            }
        }

        foreach (var unread in set.Where(s => !read.Any(r => r.Matches(s.ConfigurationKey))))
        {
            yield return $"infra/ sets '{unread.Name}' ({unread.File}), but nothing in the app reads '{unread.ConfigurationKey}'.";
        }
    }
}
