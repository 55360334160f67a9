using Outreach.Storage.Stores;
using Outreach.Storage.Stores.Accounts;
using System.Text.RegularExpressions;
using Outreach.Functions.Configuration;
using Outreach.Functions.Hosting;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Infra;

/// <summary>
/// infra/ (Bicep) and the code name the same queues, tables, containers and settings, the published app is what host.json
/// starts, and the Bicep uses only API versions known to exist. Reads files only: no network, no Azurite.
/// </summary>
public sealed partial class InfraConsistencyTests
{
    /// <summary>
    /// API versions checked to exist (2026-11-22) in public Bicep and ARM documentation and in templates deployed
    /// with them: the Azure templates reference (learn.microsoft.com/azure/templates/&lt;type&gt;) as cited by the
    /// Azure Functions Flex Consumption samples (serverfarms and sites 2024-04-01 with functionAppConfig), and
    /// repositories found by exact search for each "type@version" string. Add a version here only after the same check.
    /// </summary>
    private static readonly Dictionary<string, string> KnownApiVersions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Web/serverfarms"] = "2024-04-01",
        ["Microsoft.Web/sites"] = "2024-04-01",
        ["Microsoft.Storage/storageAccounts"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/blobServices"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/blobServices/containers"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/queueServices"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/queueServices/queues"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/tableServices"] = "2023-05-01",
        ["Microsoft.Storage/storageAccounts/tableServices/tables"] = "2023-05-01",
        ["Microsoft.ManagedIdentity/userAssignedIdentities"] = "2023-01-31",
        ["Microsoft.Authorization/roleAssignments"] = "2022-04-01",
        ["Microsoft.KeyVault/vaults"] = "2023-07-01",
        ["Microsoft.KeyVault/vaults/secrets"] = "2023-07-01",
        ["Microsoft.OperationalInsights/workspaces"] = "2023-09-01",
        ["Microsoft.Insights/components"] = "2020-02-02",
    };

    private static readonly string InfraFolder = Path.Combine(RepositoryRoot.Path, "infra");

    private readonly FunctionApp _app = FunctionAppLoader.Load(RepositoryRoot.Path, _ => null);

    [Fact]
    public void Bicep_creates_every_queue_table_and_container_and_sets_every_setting_the_app_reads_and_nothing_else()
    {
        var differences = InfraDifferences.Between(AppResourceManifest.For(_app), BicepTemplates.Load(InfraFolder));

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void A_queue_table_container_or_setting_on_one_side_only_is_reported_naming_the_item_and_the_side()
    {
        var app = new AppResourceManifest(
            ["send-outreach", "send-outreach-poison"],
            ["Tasks"],
            ["imports"],
            [
                new AppSetting("Smtp:Host", "SmtpOptions.Host", AppSettingUse.Plain),
                new AppSetting("Smtp:Password", "SmtpOptions.Password", AppSettingUse.KeyVaultReference),
                new AppSetting("Tokens:Keys:*", "SigningKeyOptions.Keys", AppSettingUse.KeyVaultReference),
                new AppSetting("LocalRunner:MessageLease", "LocalRunnerOptions.MessageLease", AppSettingUse.NotInAzure, "the runner is off"),
            ]);
        var infra = BicepTemplates.FromText(("infra/test.bicep", """
            // Test template.
            var queueNames = [
              'send-outreach'
            ]
            var appSettings = [
              {
                name: 'Smtp__Password'
                value: smtpPassword
              }
              {
                name: 'LocalRunner__MessageLease'
                value: '00:01:00'
              }
              {
                name: 'Tokens__Keys__${keyId}'
                value: '@Microsoft.KeyVault(VaultName=${vault};SecretName=tokens-keys-${keyId})'
              }
              {
                name: 'FUNCTIONS_WORKER_RUNTIME'
                value: 'custom'
              }
            ]
            resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
              parent: queueService
              name: queueName
            }]
            resource models 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
              parent: blobService
              name: 'models'
            }
            resource app 'Microsoft.Web/sites@2024-04-01' = {
              properties: {
                siteConfig: {
                  appSettings: concat(appSettings)
                }
              }
            }
            """));

        var differences = InfraDifferences.Between(app, infra);

        Assert.Equal(
            [
                "The app uses queue 'send-outreach-poison', but infra/ does not create it.",
                "The app uses table 'Tasks', but infra/ does not create it.",
                "The app uses blob container 'imports', but infra/ does not create it.",
                "Flex Consumption (deployment package) uses blob container 'app-package', but infra/ does not create it.",
                "infra/ creates blob container 'models', but the app does not use it.",
                "The app reads 'Smtp:Host' (SmtpOptions.Host), but infra/ sets no app setting 'Smtp__Host'.",
                "'Smtp__Password' is a secret (SmtpOptions.Password), but infra/ sets it to smtpPassword instead of a Key Vault reference.",
                "infra/ sets 'LocalRunner__MessageLease' (infra/test.bicep), but 'LocalRunner:MessageLease' (LocalRunnerOptions.MessageLease) stays unset in Azure: the runner is off.",
                "infra/ sets 'FUNCTIONS_WORKER_RUNTIME' (infra/test.bicep), but nothing in the app reads 'FUNCTIONS_WORKER_RUNTIME'.",
            ],
            differences);
    }

    [Fact]
    public void Manifest_lists_the_options_keys_secrets_and_storage_names_from_their_sources()
    {
        var manifest = AppResourceManifest.For(_app);
        var settings = manifest.Settings.ToDictionary(s => s.Key, s => s.Use);

        Assert.Equal(AppSettingUse.Plain, settings["Smtp:Host"]);
        Assert.Equal(AppSettingUse.KeyVaultReference, settings["Smtp:Password"]);
        Assert.Equal(AppSettingUse.KeyVaultReference, settings["Tokens:Keys:*"]);
        Assert.Equal(AppSettingUse.Plain, settings["Tokens:CurrentKeyId"]);
        Assert.Equal(AppSettingUse.Plain, settings["LocalRunner:Enabled"]);
        Assert.Equal(AppSettingUse.NotInAzure, settings["LocalRunner:MessageLease"]);
        Assert.Equal(AppSettingUse.Plain, settings["AzureWebJobsStorage:accountName"]);
        Assert.Equal(AppSettingUse.NotInAzure, settings["AzureWebJobsStorage"]);
        Assert.Equal([.. new StoreTableNames().All, AccountTables.Accounts, AccountTables.ApiKeys, AccountTables.CoachConsents, AccountTables.CoachCohorts], manifest.Tables);
        Assert.Contains("Tasks", manifest.Tables);
        Assert.Equal(["inbound-mail", "rendered-mail", "models", "imports"], manifest.BlobContainers);
    }

    [Fact]
    public void Every_queue_binding_uses_the_AzureWebJobsStorage_connection_the_Bicep_configures()
    {
        var others = _app.Functions.SelectMany(f => f.Bindings.Select(b => (Function: f, Binding: b)))
            .Where(x => x.Binding.Is(BindingTypes.QueueTrigger) || x.Binding.Is(BindingTypes.Queue))
            .Where(x => x.Binding.Connection is { Length: > 0 } connection && connection != Storage.StorageAccountRegistration.ConnectionName)
            .Select(x => $"{x.Function.FunctionJsonPath}: binding '{x.Binding.Name}' uses connection '{x.Binding.Connection}'")
            .ToList();

        Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));
    }

    [Fact]
    public void Host_json_starts_the_executable_that_publish_sh_builds_and_marks_executable()
    {
        var host = FunctionAppLoader.LoadHostJson(Path.Combine(RepositoryRoot.Path, "host.json"));
        var executable = typeof(Program).Assembly.GetName().Name;
        var publish = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "publish.sh"));

        Assert.Equal("handler", executable);
        Assert.Equal(executable, host.CustomHandler!.Description!.DefaultExecutablePath);
        Assert.Contains($"chmod +x \"$out/{executable}\"", publish, StringComparison.Ordinal);
        Assert.Contains("artifacts/app.zip", publish, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_runs_the_custom_runtime_on_flex_consumption_reading_its_package_with_the_managed_identity()
    {
        var functionApp = File.ReadAllText(Path.Combine(InfraFolder, "modules", "functionapp.bicep"));

        Assert.Matches(FlexPlan(), functionApp);
        Assert.Matches(CustomRuntime(), functionApp);
        Assert.Matches(DeploymentContainer(), functionApp);
        Assert.Contains("keyVaultReferenceIdentity: identityId", functionApp, StringComparison.Ordinal);
    }

    [Fact]
    public void Bicep_uses_only_api_versions_known_to_exist()
    {
        var unknown = BicepTemplates.Load(InfraFolder).Resources
            .Where(r => !KnownApiVersions.TryGetValue(r.Type, out var version) || version != r.ApiVersion)
            .Select(r => $"{r.File}: {r.Symbol} uses {r.Type}@{r.ApiVersion}")
            .ToList();

        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    [Fact]
    public void Every_bicep_file_starts_with_a_comment_saying_what_it_is_for()
    {
        var templates = BicepTemplates.Load(InfraFolder);
        var expected = new[] { "main.bicep", "identity.bicep", "monitoring.bicep", "storage.bicep", "keyvault.bicep", "functionapp.bicep", "roles.bicep" };

        Assert.Superset(expected.ToHashSet(StringComparer.Ordinal), templates.Files.Select(f => Path.GetFileName(f.Path)).ToHashSet(StringComparer.Ordinal));
        Assert.All(templates.Files, f => Assert.StartsWith("// ", f.Text, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"sku:\s*\{\s*tier:\s*'FlexConsumption'\s*name:\s*'FC1'\s*\}\s*properties:\s*\{\s*reserved:\s*true")]
    private static partial Regex FlexPlan();

    [GeneratedRegex(@"runtime:\s*\{\s*name:\s*'custom'\s*version:\s*'1\.0'\s*\}")]
    private static partial Regex CustomRuntime();

    [GeneratedRegex(@"type:\s*'blobContainer'\s*value:\s*'\$\{blobEndpoint\}\$\{deploymentContainerName\}'\s*authentication:\s*\{\s*type:\s*'UserAssignedIdentity'\s*userAssignedIdentityResourceId:\s*identityId")]
    private static partial Regex DeploymentContainer();
}
