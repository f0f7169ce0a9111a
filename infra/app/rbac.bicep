// Role assignments, exactly what the code needs and nothing broader (DESIGN §6). The app's identity:
//   app account   Storage Blob Data Owner (Durable's leases, the deployment container), Storage Queue Data Contributor,
//                 Storage Table Data Contributor (Durable's history, the read model, the relayer's journal)
//   agent account Storage Queue Data Contributor (grants and challenges, the proof-results/agent-events triggers)
//   vault         Key Vault Secrets User (Key Vault references, the platform keys): the vault holds only the secrets
//                 the app reads (rpc-url, agent-queues-key, continuation-key, relayer/challenger/settler-key); the
//                 deployer's key lives in the operators' vault, on which the app has no role
//   App Insights  Monitoring Metrics Publisher (local auth is off)
// The deploying user, when azd passes one: Key Vault Secrets Officer on the app's vault, so the postprovision hook can
// write the platform keys, and on the operators' vault, so ops can keep the deployer key there.
// Names are guid(scope, principal, role) (the identity by its resource id, known before deployment), so a second
// provision finds the same assignments.

@description('The app\'s user-assigned identity.')
param identityName string

@description('The app\'s storage account.')
param storageAccountName string

@description('The agents\' queue account.')
param agentQueueAccountName string

@description('The vault.')
param keyVaultName string

@description('The operators\' vault (deployer-key): the deploying user only.')
param opsKeyVaultName string

@description('The Application Insights component.')
param applicationInsightsName string

@description('Object id of the deploying user; empty: no user grant.')
param userPrincipalId string

@allowed([
  'User'
  'ServicePrincipal'
])
@description('What userPrincipalId is: a user, or the service principal a pipeline runs azd as.')
param userPrincipalType string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource appStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource agentStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: agentQueueAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource opsVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: opsKeyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Storage Blob Data Owner
resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appStorage.id, identity.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: appStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor
resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appStorage.id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: appStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor
resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appStorage.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: appStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor
resource agentQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(agentStorage.id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: agentStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User
resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets Officer, for the deploying user
resource userSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

// Key Vault Secrets Officer on the operators' vault, for the deploying user
resource userOpsSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(opsVault.id, userPrincipalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: opsVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
