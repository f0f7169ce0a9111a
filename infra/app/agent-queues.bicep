// The agents' queue account (DESIGN §3): per-agent queues agent-<address>, proof-results and agent-events. Agents
// never hold its key: the platform reads the key from Key Vault (keyvault.bicep writes it there) only to sign the
// service SAS URLs of POST /api/agents/sas, because queue SAS cannot be user-delegation SAS. Everything else the app
// does here goes through its managed identity.

@description('Name of the storage account.')
param name string

@description('Region of the account.')
param location string

@description('Tags of the account.')
param tags object

@description('Queues the agents add to, created up front so an agent with an add-only SAS finds them.')
param sharedQueues string[]

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
    // The key signs the agents' service SAS; see above.
    allowSharedKeyAccess: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in sharedQueues: {
    parent: queueService
    name: queue
  }
]

output name string = account.name
