using System.Reflection;
using Outreach.Core.Outcomes;
using Outreach.Functions.Hosting;
using Outreach.Functions.LocalRunner;
using Outreach.Functions.Storage;
using Outreach.Mail.Smtp;
using Outreach.Storage;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Configuration;

/// <summary>
/// What the app needs from its Azure environment, in one place: the storage queues, tables and blob containers it uses
/// and every configuration key it reads, each built from the source that defines it (function.json bindings,
/// <see cref="StoreTableNames"/>, <see cref="ContactBlobLayout"/>, the options classes' <c>SectionName</c> and
/// properties, <see cref="StorageAccountRegistration"/>). <c>infra/</c> must create and set exactly these;
/// InfraConsistencyTests compares the two. Queues, <see cref="StoreTableNames"/> tables and options classes are picked
/// up from their sources; a new blob container, a key that must NOT be set in Azure, or a secret is declared here.
/// </summary>
internal sealed record AppResourceManifest(
    IReadOnlyList<string> Queues,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> BlobContainers,
    IReadOnlyList<AppSetting> Settings)
{
    /// <summary>
    /// The handler and every Outreach project it references (Outreach.Functions.csproj), one type from each: an
    /// assembly the handler's code does not touch yet would otherwise be missing from its references.
    /// </summary>
    private static readonly IReadOnlyList<Assembly> OptionsAssemblies =
        [typeof(AppResourceManifest).Assembly, typeof(ContactBlobLayout).Assembly, typeof(StorageAccount).Assembly, typeof(SmtpOptions).Assembly];

    /// <summary>Containers the app reads or writes blobs in.</summary>
    private static readonly IReadOnlyList<string> Containers = [ContactBlobLayout.InboundContainer, ContactBlobLayout.RenderedContainer, Outreach.Storage.Stores.Scoring.BlobModelStore.DefaultContainer, Imports.ImportBlobLayout.Container];

    /// <summary>Options keys whose values are secrets: Azure sets them as Key Vault references.</summary>
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Smtp:Password",
        "Outcomes:WebhookSecret",
        "Tokens:Keys:*",
        "Secrets:Keys:*",
    };

    /// <summary>Options keys Azure leaves unset, and why.</summary>
    private static readonly Dictionary<string, string> NotInAzure = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FunctionApp:AppRootPath"] = $"the Functions host passes the app root in {FunctionHostEnvironment.AppRootPath}",
        ["LocalRunner:ShutdownGracePeriod"] = "the local trigger runner is off in Azure (LocalRunner:Enabled=false); the host drives triggers",
        ["LocalRunner:MessageLease"] = "the local trigger runner is off in Azure (LocalRunner:Enabled=false); the host drives triggers",
        ["Smtp:TrustedCertificateSha256"] = "a pin for a self-signed SMTP certificate (tests, a server on a trusted network); Azure trusts only certificates that validate",
        ["Mail:Pickup:Directory"] = "the pickup-directory transport writes .eml previews on a developer's machine; Azure sends over SMTP",
    };

    /// <summary>The account stores keep fixed table names of their own (<see cref="Outreach.Storage.Stores.Accounts.AccountTables"/>).</summary>
    private static readonly string[] AccountTableNames =
    [
        Outreach.Storage.Stores.Accounts.AccountTables.Accounts,
        Outreach.Storage.Stores.Accounts.AccountTables.ApiKeys,
        Outreach.Storage.Stores.Accounts.AccountTables.CoachConsents,
        Outreach.Storage.Stores.Accounts.AccountTables.CoachCohorts,
    ];

    /// <summary>Builds the manifest for <paramref name="app"/> (its function.json files) and the handler's options classes.</summary>
    /// <exception cref="InvalidOperationException">An entry of <see cref="SecretKeys"/> or <see cref="NotInAzure"/> names no key the code reads.</exception>
    public static AppResourceManifest For(FunctionApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = OptionsSettings().Concat(HostSettings()).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var stale = SecretKeys.Concat(NotInAzure.Keys)
            .Where(key => !settings.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (stale.Count > 0)
        {
            throw new InvalidOperationException(
                $"{nameof(AppResourceManifest)} declares {string.Join(", ", stale)}, but no options class reads it: update the declaration.");
        }

        var tables = new StoreTableNames().All.Concat(AccountTableNames).ToList();
        return new AppResourceManifest(QueuesOf(app), tables, Containers, settings);
    }

    /// <summary>Trigger queues with their <c>-poison</c> twins (the host creates and fills them) and output queues.</summary>
    private static List<string> QueuesOf(FunctionApp app) =>
        app.Functions.SelectMany(f => f.Bindings)
            .Where(b => b.Is(BindingTypes.QueueTrigger) || b.Is(BindingTypes.Queue))
            .SelectMany(b => b.IsTrigger && PoisonQueue.NameFor(b.QueueName!) is { } poison ? [b.QueueName!, poison] : new[] { b.QueueName! })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<AppSetting> OptionsSettings() =>
        OptionsSettingKeys.OptionsTypes(OptionsAssemblies)
            .SelectMany(OptionsSettingKeys.Keys)
            .Select(k => NotInAzure.TryGetValue(k.Key, out var reason)
                ? new AppSetting(k.Key, k.ReadBy, AppSettingUse.NotInAzure, reason)
                : new AppSetting(k.Key, k.ReadBy, SecretKeys.Contains(k.Key) ? AppSettingUse.KeyVaultReference : AppSettingUse.Plain));

    /// <summary>Keys outside the options classes: the storage connection the host and the handler share, the host's telemetry, and the handler's process environment.</summary>
    private static IEnumerable<AppSetting> HostSettings()
    {
        const string storage = StorageAccountRegistration.ConnectionName;
        const string registration = nameof(StorageAccountRegistration);
        const string host = "the Functions host";
        yield return new AppSetting(storage, registration, AppSettingUse.NotInAzure, "a connection string is for Azurite; Azure connects with the managed identity");
        yield return new AppSetting($"{storage}:{StorageAccountRegistration.AccountNameKey}", registration, AppSettingUse.Plain);
        yield return new AppSetting($"{storage}:{StorageAccountRegistration.ClientIdKey}", registration, AppSettingUse.Plain);
        yield return new AppSetting($"{storage}:credential", host, AppSettingUse.Plain);
        foreach (var service in StorageAccountRegistration.Services)
        {
            yield return new AppSetting(
                $"{storage}:{StorageAccountRegistration.ServiceUriKey(service)}", registration, AppSettingUse.NotInAzure, "derived from accountName in the public cloud");
        }

        yield return new AppSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", host, AppSettingUse.Plain);
        yield return new AppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", host, AppSettingUse.Plain);
        yield return new AppSetting(FunctionHostEnvironment.CustomHandlerPort, nameof(FunctionHostEnvironment), AppSettingUse.NotInAzure, "the host sets it for the handler process");
        yield return new AppSetting(FunctionHostEnvironment.AppRootPath, nameof(FunctionHostEnvironment), AppSettingUse.NotInAzure, "the host sets it for the handler process");
    }
}
