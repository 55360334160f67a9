// The function app: a Flex Consumption plan (Linux only, one app per plan) running the custom handler
// (functionAppConfig.runtime custom 1.0; the host starts `handler` from the zip, see host.json). On Flex the runtime
// replaces FUNCTIONS_WORKER_RUNTIME, the package lives in a blob container instead of WEBSITE_RUN_FROM_PACKAGE, and
// WEBSITE_TIME_ZONE is unsupported, so timer schedules are UTC. Every app setting the code reads is set here; names
// are checked against the code by InfraConsistencyTests.

@description('Azure region.')
param location string

@description('Function app name (also the default host name: <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (identity-based connections pick it by client id).')
param identityClientId string

@description('Storage account name (storage.bicep).')
param storageAccountName string

@description('Blob endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault name (keyvault.bicep).')
param keyVaultName string

@description('Key Vault secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('Key Vault secret holding the inbound-mail webhook secret.')
param inboundWebhookSecretName string

@description('Comma-separated coach ids whose consenting clients share suppressions (Outcomes:CohortCoaches); empty: per owner only.')
param cohortCoaches string

@description('Key Vault secret name prefix of the token keys; the key id follows.')
param tokenKeySecretPrefix string

@description('Most instances the plan may scale out to (a cap on cost and on SMTP concurrency).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('SMTP submission server host name.')
param smtpHost string

@description('SMTP port (587: submission with STARTTLS).')
param smtpPort int

@description('Use STARTTLS.')
param smtpEnableSsl bool

@description('SMTP AUTH user name; empty sends without authentication.')
param smtpUserName string

@description('Token key ids that verify (the ring); each needs a secret <tokenKeySecretPrefix><id>.')
param tokenKeyIds array

@description('The token key id that signs new tokens; one of tokenKeyIds.')
param currentTokenKeyId string

@description('Key Vault secret name prefix of the owner SMTP-password key ring (secrets-keys-<id>).')
param ownerSecretKeyPrefix string

@description('Key ids of the owner SMTP-password key ring.')
param ownerSecretKeyIds array

@description('The key id that seals newly saved SMTP passwords.')
param currentOwnerSecretKeyId string

@description('The app\'s public https base URL, for unsubscribe links.')
param publicBaseUrl string

@description('Domain of reply+token addresses; empty uses the sender\'s address.')
param replyDomain string

@description('Mailbox in the mailto form of List-Unsubscribe; empty omits it.')
param unsubscribeMailbox string

@description('Requests per minute allowed per API key (Limits:RequestsPerMinute).')
param requestsPerMinute int = 120

@description('Requests per minute allowed to the inbound-mail webhook\'s verified posts, all together (Limits:WebhookRequestsPerMinute).')
param webhookRequestsPerMinute int = 1200

@description('Tags for every resource.')
param tags object = {}

// The host and the handler share the storage connection; the handler reads accountName and clientId
// (StorageAccountRegistration), the host also reads credential.
var hostSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

// Outreach's own options (the classes with a SectionName). Tuning values equal the code's defaults; they are here so
// an operator can change them without a build.
var outreachSettings = [
  {
    // The Functions host polls the queues and fires the timers in Azure.
    name: 'LocalRunner__Enabled'
    value: 'false'
  }
  {
    name: 'Smtp__Host'
    value: smtpHost
  }
  {
    name: 'Smtp__Port'
    value: string(smtpPort)
  }
  {
    name: 'Smtp__EnableSsl'
    value: string(smtpEnableSsl)
  }
  {
    name: 'Smtp__UserName'
    value: smtpUserName
  }
  {
    name: 'Smtp__Password'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${smtpPasswordSecretName})'
  }
  {
    name: 'Outcomes__WebhookSecret'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${inboundWebhookSecretName})'
  }
  {
    name: 'Outcomes__CohortCoaches'
    value: cohortCoaches
  }
  {
    name: 'Smtp__Timeout'
    value: '00:00:30'
  }
  {
    name: 'Smtp__IdleTimeout'
    value: '00:00:30'
  }
  {
    name: 'Smtp__MaxConnections'
    value: '4'
  }
  // Owners' own mailboxes: only public mail servers on mail ports, so no owner can make the app connect into its own
  // network (loopback, 169.254.169.254, private ranges). True only where owners' mail servers are on a private network.
  {
    name: 'Smtp__AllowPrivateServers'
    value: 'false'
  }
  {
    name: 'Tokens__CurrentKeyId'
    value: currentTokenKeyId
  }
  // Accounts: how long a verified API key is trusted before its record is read again (revocation delay).
  {
    name: 'Accounts__KeyCacheDuration'
    value: '00:00:30'
  }
  // Mail: links and addresses in every message, and when a claim left by a crashed send goes to review.
  {
    name: 'Mail__PublicBaseUrl'
    value: publicBaseUrl
  }
  {
    name: 'Mail__ReplyDomain'
    value: replyDomain
  }
  {
    name: 'Mail__UnsubscribeMailbox'
    value: unsubscribeMailbox
  }
  {
    name: 'Mail__StaleClaimAfter'
    value: '00:10:00'
  }
  // Secrets: the key ring sealing owners' own SMTP passwords (Secrets:Keys:<id> are Key Vault references below).
  {
    name: 'Secrets__CurrentKeyId'
    value: currentOwnerSecretKeyId
  }
  // Dispatching: the DispatchDue timer's send queue (must match SendOutreach's trigger), the wait for owners without a
  // sender profile, how far the very first scan looks back, and how long past its send time an email may stay queued
  // or claimed before the SweepStuckSends timer queues its lost request again, fails it, or sends it to review.
  {
    name: 'Dispatching__SendQueueName'
    value: 'send-outreach'
  }
  {
    name: 'Dispatching__MissingScheduleRetry'
    value: '01:00:00'
  }
  {
    name: 'Dispatching__FirstScanLookback'
    value: '1.00:00:00'
  }
  {
    name: 'Dispatching__StuckSendAfter'
    value: '01:00:00'
  }
  // Imports: uploads up to this size are imported during the request; larger ones go through the import-contacts queue,
  // writing how far they have got to their record at most this often; one import writes at a time per owner, the
  // next waiting this long; an import that shows no sign of life for StalledAfter, with no delivery of its queue
  // message still to come, is shown as stopped without finishing.
  {
    name: 'Imports__SyncMaxBytes'
    value: string(1024 * 1024)
  }
  {
    name: 'Imports__ProgressInterval'
    value: '00:00:02'
  }
  {
    name: 'Imports__ConcurrentImportWait'
    value: '00:01:00'
  }
  {
    name: 'Imports__StalledAfter'
    value: '00:10:00'
  }
  // Limits: request sizes, import rows, field and template lengths, contacts read at once, the per-key request rate and
  // the proxies in front of the handler.
  {
    name: 'Limits__MaxUploadBytes'
    value: string(20 * 1024 * 1024)
  }
  {
    name: 'Limits__MaxRequestBytes'
    value: string(1024 * 1024)
  }
  {
    name: 'Limits__MaxRowsPerImport'
    value: '50000'
  }
  {
    name: 'Limits__MaxFieldLength'
    value: '4000'
  }
  {
    // Stored contacts an import may read at once and hold in memory (tens of MB at most) instead of ~3 reads a row.
    name: 'Limits__MaxContactsReadAtOnce'
    value: '20000'
  }
  {
    name: 'Limits__MaxTemplateBytes'
    value: string(64 * 1024)
  }
  {
    name: 'Limits__RequestsPerMinute'
    value: string(requestsPerMinute)
  }
  {
    name: 'Limits__WebhookRequestsPerMinute'
    value: string(webhookRequestsPerMinute)
  }
  {
    // App Service's front end appends the caller's address to X-Forwarded-For and the Functions host (which connects to
    // the handler from 127.0.0.1) passes it on: anonymous calls are limited per that address, not all as one.
    name: 'Limits__ForwardedHops'
    value: '1'
  }
]

// One setting per key in the ring: Tokens:Keys:<id>. Secrets are versionless Key Vault references, so they follow
// the latest secret version (re-read within a day, or at once on restart).
var tokenKeySettings = [for keyId in tokenKeyIds: {
  name: 'Tokens__Keys__${keyId}'
  value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${tokenKeySecretPrefix}${keyId})'
}]

// One setting per key of the owner SMTP-password ring: Secrets:Keys:<id>.
var ownerSecretKeySettings = [for keyId in ownerSecretKeyIds: {
  name: 'Secrets__Keys__${keyId}'
  value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${ownerSecretKeyPrefix}${keyId})'
}]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(hostSettings, outreachSettings, tokenKeySettings, ownerSecretKeySettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
