// The dashboard (Blazor WebAssembly, dashboard/PowerVerse.Dashboard) on Azure Static Web Apps: static files only, no
// managed API and no app settings. azd deploys the published wwwroot/ to it (azure.yaml, service web); the browser
// calls the function app directly, whose platform CORS allows exactly this site's origin (main.bicep).

@description('Name of the static web app.')
param name string

@description('Region of the site\'s metadata; the files themselves are served from Azure\'s global edge.')
param location string

@description('Tags of the site (azd-service-name is added here).')
param tags object

@allowed([
  'Free'
  'Standard'
])
@description('Free serves the dashboard; Standard adds custom-domain certificates beyond two domains, an SLA and private endpoints.')
param sku string

resource site 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // azd uploads the files with the site's deployment token (swa deploy); no repository is linked.
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostname}'
