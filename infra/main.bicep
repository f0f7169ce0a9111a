// PowerVerse in Azure (DESIGN §6), provisioned by `azd up`: a Flex Consumption Functions app with a user-assigned
// identity, its storage account (shared keys off), the agents' queue account (DESIGN §3), Key Vault in RBAC mode,
// Application Insights on Log Analytics, and least-privilege role assignments, plus the dashboard on a Static Web App
// whose origin is the only one the app's CORS allows. Local modules only (infra/app).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user running azd (AZURE_PRINCIPAL_ID): Key Vault Secrets Officer on both vaults, so the postprovision hook can write the platform keys and ops can store the deployer key. Empty: no grant.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
@description('What principalId is (AZURE_PRINCIPAL_TYPE): a user, or the service principal a pipeline runs azd as.')
param principalType string = 'User'

@minLength(1)
@description('Chain id of the target network (PV_CHAIN_ID); the app reads deployments/<chainId>.json.')
param chainId string

@secure()
@minLength(1)
@description('JSON-RPC endpoint of that network (PV_RPC_URL); kept in Key Vault as it may embed an API key.')
param rpcUrl string

@minValue(40)
@maxValue(1000)
@description('Most instances the app scales out to (PV_MAX_INSTANCES).')
param maximumInstanceCount int = 100

@allowed([
  ''
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
@description('Region of the dashboard\'s Static Web App (AZURE_STATIC_WEB_APP_LOCATION), one of the few that offer it. Empty: location when it offers Static Web Apps, else eastus2.')
param staticWebAppLocation string = ''

@allowed([
  'Free'
  'Standard'
])
@description('Plan of the dashboard\'s Static Web App (AZURE_STATIC_WEB_APP_SKU).')
param staticWebAppSku string = 'Free'

@secure()
@description('HMAC key of the read model\'s continuation tokens: main.parameters.json passes azd\'s secretOrRandomPassword, the vault\'s continuation-key when it exists (kept, so paging tokens stay valid across provisions), else a new random password.')
param continuationKey string

@secure()
@description('Random text appended to a continuationKey shorter than 32 characters (azd\'s new passwords have 15), so a new key has at least 32; a kept key is used as it is.')
param continuationKeyFill string = '${newGuid()}${newGuid()}'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names are known before anything is deployed, so modules that only refer to a resource take its name, not an output.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var agentQueueAccountName = '${abbrs.storageStorageAccounts}agent${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var opsKeyVaultName = '${abbrs.keyVaultVaults}ops-${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
// Static Web Apps exist in a handful of regions only (their files are served from the global edge anyway).
var staticWebAppRegions = [
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module agentQueues 'app/agent-queues.bicep' = {
  name: 'agentQueues'
  scope: rg
  params: {
    name: agentQueueAccountName
    location: location
    tags: tags
    sharedQueues: [
      'proof-results'
      'agent-events'
    ]
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    agentQueueAccountName: agentQueueAccountName
    rpcUrl: rpcUrl
    continuationKey: length(continuationKey) >= 32 ? continuationKey : '${continuationKey}${continuationKeyFill}'
  }
  dependsOn: [
    agentQueues
  ]
}

// The operators' own vault, for the optional deployer-key: the app has no role on it.
module opsKeyVault 'app/ops-vault.bicep' = {
  name: 'opsKeyVault'
  scope: rg
  params: {
    name: opsKeyVaultName
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    agentQueueAccountName: agentQueueAccountName
    keyVaultName: keyVaultName
    opsKeyVaultName: opsKeyVaultName
    applicationInsightsName: applicationInsightsName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    agentQueues
    keyVault
    opsKeyVault
    monitoring
  ]
}

module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}${resourceToken}'
    location: !empty(staticWebAppLocation)
      ? staticWebAppLocation
      : (contains(staticWebAppRegions, location) ? location : 'eastus2')
    tags: tags
    sku: staticWebAppSku
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: '${abbrs.webSitesFunctions}api-${resourceToken}'
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    agentQueueAccountName: agentQueueAccountName
    applicationInsightsName: applicationInsightsName
    keyVaultUri: keyVault.outputs.uri
    rpcUrlUri: keyVault.outputs.rpcUrlUri
    agentQueuesKeyUri: keyVault.outputs.agentQueuesKeyUri
    continuationKeyUri: keyVault.outputs.continuationKeyUri
    chainId: chainId
    maximumInstanceCount: maximumInstanceCount
    corsAllowedOrigins: [
      web.outputs.uri
    ]
  }
  // The app starts resolving its Key Vault references and reaching storage as soon as it exists.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_OPS_KEY_VAULT_NAME string = opsKeyVault.outputs.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output AZURE_AGENT_QUEUE_ACCOUNT string = agentQueues.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output PV_CHAIN_ID string = chainId
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
output AZURE_STATIC_WEB_APP_URL string = web.outputs.uri
// The same URL under the name the README gives users: where the dashboard is.
output AZURE_DASHBOARD_URL string = web.outputs.uri
