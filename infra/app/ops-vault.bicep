// The operators' vault (RBAC mode): holds only what ops keep for the postprovision hook, the optional `deployer-key`.
// It is a vault of its own so that the app's identity, Key Vault Secrets User on the app's vault, can read exactly the
// secrets the code needs and never the deployer's key: the app has no role here (rbac.bicep).

@description('Name of the vault.')
param name string

@description('Region of the vault.')
param location string

@description('Tags of the vault.')
param tags object

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

output name string = vault.name
