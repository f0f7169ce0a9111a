// The Functions app on Flex Consumption (DESIGN §6): .NET isolated 10.0, deployed from a blob container by its
// user-assigned identity, every setting identity-shaped or a Key Vault reference. The settings are the ones the code
// reads (tests/PowerVerse.Infra.Tests derives that list from the code and checks it against the compiled template).

@description('Name of the function app.')
param name string

@description('Name of its Flex Consumption plan.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags of the plan and the app (the app adds azd-service-name).')
param tags object

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('The app\'s storage account (AzureWebJobsStorage, ReadModel, the deployment container).')
param storageAccountName string

@description('The blob container the app deploys from.')
param deploymentContainerName string

@description('The agents\' queue account (AgentQueues).')
param agentQueueAccountName string

@description('The Application Insights component.')
param applicationInsightsName string

@description('The vault\'s URI (Platform__KeyVaultUri: the platform keys).')
param keyVaultUri string

@description('Versionless URI of the rpc-url secret.')
param rpcUrlUri string

@description('Versionless URI of the agent-queues-key secret.')
param agentQueuesKeyUri string

@description('Versionless URI of the continuation-key secret.')
param continuationKeyUri string

@description('Chain id of the target network: the app reads deployments/<chainId>.json from its package.')
param chainId string

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Origins (scheme://host) whose browser pages may call the API: the dashboard\'s Static Web App only, never *.')
param corsAllowedOrigins array

resource appStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource agentStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: agentQueueAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
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
      // The platform answers preflights and adds Access-Control-Allow-Origin for these origins before the host runs.
      // Its CORS settings hold origins and credentials only, with no list of headers to expose, so a cross-origin page
      // may not be able to read the 202's Location header: the dashboard takes the workflow's id and status URL from
      // the 202's JSON body instead, which works either way. No credentials: the API takes no cookies.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${appStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: 2048
        maximumInstanceCount: maximumInstanceCount
        // One warm instance for orchestrations and activities, so a workflow never waits on a cold start.
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: 1
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption takes the runtime from functionAppConfig: no FUNCTIONS_WORKER_RUNTIME/FUNCTIONS_EXTENSION_VERSION.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // The host's own storage (Durable's task hub, timers, dividend-runs), by identity.
      AzureWebJobsStorage__blobServiceUri: appStorage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: appStorage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: appStorage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // The read model (ReadModelRegistration.ConnectionName) on the same account.
      ReadModel__tableServiceUri: appStorage.properties.primaryEndpoints.table
      ReadModel__queueServiceUri: appStorage.properties.primaryEndpoints.queue
      ReadModel__credential: 'managedidentity'
      ReadModel__clientId: identityClientId
      // The agents' queues (AgentQueues.ConnectionName) on their own account.
      AgentQueues__queueServiceUri: agentStorage.properties.primaryEndpoints.queue
      AgentQueues__credential: 'managedidentity'
      AgentQueues__clientId: identityClientId
      Chain__RpcUrl: '@Microsoft.KeyVault(SecretUri=${rpcUrlUri})'
      Chain__Manifest: 'deployments/${chainId}.json'
      Platform__KeyVaultUri: keyVaultUri
      Platform__ManagedIdentityClientId: identityClientId
      ReadModel__ContinuationKey: '@Microsoft.KeyVault(SecretUri=${continuationKeyUri})'
      AgentAccess__AccountKey: '@Microsoft.KeyVault(SecretUri=${agentQueuesKeyUri})'
      AgentAccess__MaxLifetime: '1.00:00:00'
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}/api'
