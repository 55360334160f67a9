// The one storage account behind the app (design.md decision 3): queues carry work, tables hold state, blobs hold
// uploads, mail copies and the Flex Consumption deployment package. The Functions host uses it too
// (AzureWebJobsStorage: trigger queues, poison queues, timer and lease blobs). Shared-key access is off: everything
// signs in with the app's managed identity. The names below must match the code; InfraConsistencyTests checks both ways.

@description('Azure region.')
param location string

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Tags for every resource.')
param tags object = {}

// Trigger and output queues from functions/*/function.json, each trigger queue with its `-poison` twin (where the
// host moves a message after host.json's maxDequeueCount failures).
// Queues the app uses (function.json triggers and their -poison twins; the dispatcher writes send-outreach).
var queueNames = [
  'send-outreach'
  'send-outreach-poison'
  'import-contacts'
  'import-contacts-poison'
]

// StoreTableNames defaults (core/Outreach.Storage/Stores/StoreTableNames.cs).
var tableNames = [
  'Tasks'
  'DueIndex'
  'Suppressions'
  'SenderActivity'
  'DispatchCursor'
  'MetricCounters'
  'Contacts'
  'ContactKeys'
  'SentMessages'
  'Templates'
  'Outcomes'
  'InboundLedger'
  'ContactEmails'
  'Campaigns'
  'Senders'
  'Imports'
  'Introductions'
  // AccountTables (core/Outreach.Storage/Stores/Accounts/AccountTables.cs).
  'Accounts'
  'ApiKeys'
  'CoachConsents'
  'CoachCohorts'
]

// ContactBlobLayout (core/Outreach.Core/Outcomes/Erasure/ContactBlobLayout.cs): per-contact mail copies;
// BlobModelStore (core/Outreach.Storage/Stores/Scoring): response-model artifacts and retraining records.
var containerNames = [
  'inbound-mail'
  'rendered-mail'
  'models'
  // ImportBlobLayout (functions/Outreach.Functions/Imports): uploaded contact files and their import reports.
  'imports'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
}]

// Flex Consumption reads the app's zip from here (functionAppConfig.deployment.storage in functionapp.bicep).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'app-package'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name
