// Outreach in Azure, in one resource group: the custom-handler function app on Flex Consumption, its storage
// account (queues, tables, blobs), a user-assigned managed identity with data-plane roles (no keys), Key Vault for
// the SMTP password and token-signing keys, and Application Insights on Log Analytics.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam (see infra/README.md).

targetScope = 'resourceGroup'

@description('Azure region for every resource (one where Flex Consumption is offered).')
param location string = resourceGroup().location

@description('Short name the resource names start with: lowercase letters and digits.')
@minLength(2)
@maxLength(10)
param baseName string = 'outreach'

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB; 512 is plenty for a handler that mostly waits on SMTP and storage.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 512

@description('SMTP submission server host name.')
param smtpHost string

@description('SMTP port (587: submission with STARTTLS).')
param smtpPort int = 587

@description('Use STARTTLS (System.Net.Mail does not do implicit TLS on 465).')
param smtpEnableSsl bool = true

@description('SMTP AUTH user name; empty sends without authentication.')
param smtpUserName string = ''

@description('SMTP password, written to Key Vault; leave empty on redeploys to keep the stored one.')
@secure()
param smtpPassword string = ''

@description('Inbound-mail webhook secret (the password in the webhook URL), written to Key Vault; leave empty on redeploys to keep the stored one.')
@secure()
param inboundWebhookSecret string = ''

@description('Comma-separated coach ids whose consenting clients share suppressions (an opt-out reaches the whole cohort).')
param cohortCoaches string = ''

@description('Token key ids that verify tokens (the ring), e.g. [\'k1\', \'k2\'] during a rotation.')
param tokenKeyIds array = [
  'k1'
]

@description('The token key id that signs new tokens; must be in tokenKeyIds.')
param currentTokenKeyId string = 'k1'

@description('Token-signing keys to write to Key Vault, key id to base64 (32+ random bytes); leave empty on redeploys to keep the stored ones.')
@secure()
param tokenSigningKeys object = {}

@description('Key ids that unseal owners\' SMTP passwords (the ring), e.g. [\'s1\', \'s2\'] during a rotation.')
param ownerSecretKeyIds array = [
  's1'
]

@description('The key id that seals newly saved SMTP passwords; must be in ownerSecretKeyIds.')
param currentOwnerSecretKeyId string = 's1'

@description('Keys sealing owners\' SMTP passwords, key id to base64 (exactly 32 random bytes); leave empty on redeploys to keep the stored ones.')
@secure()
param ownerSecretKeys object = {}

@description('The app\'s public https base URL (its default host name or a custom domain), used in unsubscribe links, e.g. https://outreach.example.edu/.')
param publicBaseUrl string

@description('Domain of the reply+token addresses replies come back to (an inbound-parse MX); empty uses the sender\'s own address.')
param replyDomain string = ''

@description('Mailbox named in the mailto form of List-Unsubscribe (route it to POST /api/inbound like replies); empty omits that form.')
param unsubscribeMailbox string = ''

@description('Object id of a user or group allowed to write Key Vault secrets (rotation); empty for none.')
param secretsOfficerPrincipalId string = ''

@description('Days Log Analytics keeps logs.')
param logRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB; -1 for none.')
param logDailyQuotaGb int = 1

@description('Tags for every resource.')
param tags object = {
  app: 'outreach'
}

// Globally unique names derive from the resource group, so a redeploy finds the same resources.
var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${baseName}-${suffix}'
  workspace: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  storage: take('st${baseName}${suffix}', 24)
  keyVault: take('kv-${baseName}-${suffix}', 24)
  plan: 'plan-${baseName}-${suffix}'
  app: 'func-${baseName}-${suffix}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: names.identity
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: names.keyVault
    smtpPassword: smtpPassword
    inboundWebhookSecret: inboundWebhookSecret
    tokenSigningKeys: tokenSigningKeys
    ownerSecretKeys: ownerSecretKeys
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    secretsOfficerPrincipalId: secretsOfficerPrincipalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    name: names.app
    planName: names.plan
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    smtpPasswordSecretName: keyVault.outputs.smtpPasswordSecretName
    inboundWebhookSecretName: keyVault.outputs.inboundWebhookSecretName
    cohortCoaches: cohortCoaches
    tokenKeySecretPrefix: keyVault.outputs.tokenKeySecretPrefix
    ownerSecretKeyPrefix: keyVault.outputs.ownerSecretKeyPrefix
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpEnableSsl: smtpEnableSsl
    smtpUserName: smtpUserName
    tokenKeyIds: tokenKeyIds
    currentTokenKeyId: currentTokenKeyId
    ownerSecretKeyIds: ownerSecretKeyIds
    currentOwnerSecretKeyId: currentOwnerSecretKeyId
    publicBaseUrl: publicBaseUrl
    replyDomain: replyDomain
    unsubscribeMailbox: unsubscribeMailbox
    tags: tags
  }
  // The app reads its package, storage and Key Vault references as soon as it exists: grant the roles first.
  dependsOn: [
    roles
  ]
}

@description('The app\'s base URL; health is at <appUrl>/api/health.')
output appUrl string = functionApp.outputs.url

@description('Function app name (for az functionapp deployment).')
output functionAppName string = functionApp.outputs.name

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Key Vault name (for secret rotation).')
output keyVaultName string = keyVault.outputs.name
