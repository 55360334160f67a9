// The app's one identity: a user-assigned managed identity that the function app runs as. It reads storage
// (queues, tables, blobs), Key Vault secrets and the deployment package, and publishes telemetry, so no account
// key or connection string exists anywhere in Azure. Roles are granted in roles.bicep.

@description('Azure region.')
param location string

@description('Name of the managed identity.')
param name string

@description('Tags for every resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
