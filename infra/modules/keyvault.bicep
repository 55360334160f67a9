// Secrets the app reads through Key Vault references: the SMTP password and the token-signing key ring. The vault
// uses Azure RBAC (the app's identity gets Key Vault Secrets User in roles.bicep). Secret values are written only
// when a value is passed, so a redeploy without them leaves the current versions alone; rotation is described in
// infra/README.md.

@description('Azure region.')
param location string

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('SMTP password to store; empty leaves the current secret as it is.')
@secure()
param smtpPassword string = ''

@description('Shared secret of the inbound-mail webhook to store; empty leaves the current secret as it is.')
@secure()
param inboundWebhookSecret string = ''

@description('Token-signing keys to store, key id to base64 secret (at least 32 bytes); empty leaves the current secrets as they are.')
@secure()
param tokenSigningKeys object = {}

@description('Keys that seal owners\' SMTP passwords at rest, key id to base64 (exactly 32 bytes); empty leaves the current secrets as they are.')
@secure()
param ownerSecretKeys object = {}

@description('Keep deleted secrets recoverable for this many days.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 30

@description('Tags for every resource.')
param tags object = {}

// Secret names the app settings refer to (functionapp.bicep); token keys are `tokens-keys-<key id>`.
var smtpPasswordSecretName = 'smtp-password'
var inboundWebhookSecretName = 'inbound-webhook-secret'
var tokenKeySecretPrefix = 'tokens-keys-'
var ownerSecretKeyPrefix = 'secrets-keys-'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'SMTP AUTH password (Smtp:Password)'
  }
}

resource inboundWebhookSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(inboundWebhookSecret)) {
  parent: vault
  name: inboundWebhookSecretName
  properties: {
    value: inboundWebhookSecret
    contentType: 'Inbound-mail webhook secret (Outcomes:WebhookSecret)'
  }
}

resource tokenKeySecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for key in items(tokenSigningKeys): {
  parent: vault
  name: '${tokenKeySecretPrefix}${key.key}'
  properties: {
    value: key.value
    contentType: 'base64 token-signing key (Tokens:Keys:${key.key})'
  }
}]

resource ownerSecretKeySecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for key in items(ownerSecretKeys): {
  parent: vault
  name: '${ownerSecretKeyPrefix}${key.key}'
  properties: {
    value: key.value
    contentType: 'base64 AES-256 key sealing owners\' SMTP passwords (Secrets:Keys:${key.key})'
  }
}]

output name string = vault.name
output smtpPasswordSecretName string = smtpPasswordSecretName
output inboundWebhookSecretName string = inboundWebhookSecretName
output tokenKeySecretPrefix string = tokenKeySecretPrefix
output ownerSecretKeyPrefix string = ownerSecretKeyPrefix
