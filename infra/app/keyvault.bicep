// Key Vault in RBAC mode (DESIGN §6). Bicep writes the RPC endpoint, the agent account's key and the continuation-token
// key; the postprovision hook writes the platform keys (relayer-key, challenger-key, settler-key). The app reads them
// with its identity (Key Vault Secrets User, rbac.bicep), as Key Vault references and through Platform__KeyVaultUri.

@description('Name of the vault.')
param name string

@description('Region of the vault.')
param location string

@description('Tags of the vault.')
param tags object

@description('The agents\' queue account, whose key goes into the vault (and nowhere else).')
param agentQueueAccountName string

@secure()
@description('The chain\'s JSON-RPC endpoint; it may embed a provider API key.')
param rpcUrl string

@secure()
@description('HMAC key of the read model\'s continuation tokens (any text of at least 32 characters).')
param continuationKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource agentAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: agentQueueAccountName
}

resource rpcUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'rpc-url'
  properties: {
    value: rpcUrl
    contentType: 'text/plain'
  }
}

resource agentQueuesKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'agent-queues-key'
  properties: {
    value: agentAccount.listKeys().keys[0].value
    contentType: 'text/plain'
  }
}

resource continuationKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'continuation-key'
  properties: {
    value: continuationKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless URIs: a Key Vault reference follows the newest version (rotation = new version + restart).
output rpcUrlUri string = rpcUrlSecret.properties.secretUri
output agentQueuesKeyUri string = agentQueuesKey.properties.secretUri
output continuationKeyUri string = continuationKeySecret.properties.secretUri
