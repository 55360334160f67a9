namespace Outreach.Functions.Configuration;

/// <summary>How an app setting is provided in Azure (infra/modules/functionapp.bicep).</summary>
internal enum AppSettingUse
{
    /// <summary>Set in Bicep as a plain value.</summary>
    Plain,

    /// <summary>Set in Bicep as a Key Vault reference (<c>@Microsoft.KeyVault(...)</c>), never as a value.</summary>
    KeyVaultReference,

    /// <summary>Not set in Azure: the Functions host provides it, or it only matters locally; the reason says which.</summary>
    NotInAzure,
}
