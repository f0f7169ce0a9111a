using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary>
/// The dashboard's Static Web App (infra/app/web.bicep) and the one cross-origin door it needs: the function app's
/// platform CORS allows exactly the site's origin, never a wildcard.
/// </summary>
public sealed class StaticWebAppTests
{
    private const string SiteUri = "[format('https://{0}', reference(resourceId('Microsoft.Web/staticSites', parameters('name')), '2024-11-01').defaultHostname)]";

    [Fact]
    public async Task StaticSite_IsTheWebServiceInTheResourceGroup_FreeByDefault()
    {
        var template = await InfraFiles.CompiledAsync();
        var site = template.Single("Microsoft.Web/staticSites");

        Assert.Equal("web", site.Module);
        Assert.DoesNotContain("preview", site.Json.GetProperty("apiVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', 'web'))]", site.At("tags").GetString());
        Assert.Equal("[parameters('sku')]", site.At("sku.name").GetString());
        Assert.Equal("[parameters('sku')]", site.At("sku.tier").GetString());
        var module = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "web");
        var api = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "api");
        Assert.Equal(api.Json.GetProperty("resourceGroup").GetString(), module.Json.GetProperty("resourceGroup").GetString());
        var passed = module.Properties.GetProperty("parameters");
        Assert.Equal("[variables('tags')]", passed.GetProperty("tags").GetProperty("value").GetString());
        Assert.Equal("[parameters('staticWebAppSku')]", passed.GetProperty("sku").GetProperty("value").GetString());
        Assert.Equal("[format('{0}{1}', variables('abbrs').webStaticSites, variables('resourceToken'))]", passed.GetProperty("name").GetProperty("value").GetString());

        var sku = template.Root.GetProperty("parameters").GetProperty("staticWebAppSku");
        Assert.Equal("Free", sku.GetProperty("defaultValue").GetString());
        Assert.Equal(["Free", "Standard"], sku.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(SiteUri, template.Module("web").GetProperty("outputs").GetProperty("uri").GetProperty("value").GetString());
    }

    [Fact]
    public async Task StaticSite_Location_IsAStaticWebAppsRegion_TheDeploymentsWhenItIsOne()
    {
        var template = await InfraFiles.CompiledAsync();
        var location = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "web")
            .Properties.GetProperty("parameters").GetProperty("location").GetString();
        string[] regions = ["westus2", "centralus", "eastus2", "westeurope", "eastasia"];

        Assert.Equal(
            "[if(not(empty(parameters('staticWebAppLocation'))), createObject('value', parameters('staticWebAppLocation')), " +
            "if(contains(variables('staticWebAppRegions'), parameters('location')), createObject('value', parameters('location')), createObject('value', 'eastus2')))]",
            location);
        Assert.Equal(regions, template.Root.GetProperty("variables").GetProperty("staticWebAppRegions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["", .. regions], template.Root.GetProperty("parameters").GetProperty("staticWebAppLocation").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task FunctionApp_Cors_AllowsExactlyTheStaticSitesOrigin()
    {
        var template = await InfraFiles.CompiledAsync();
        var cors = FunctionApp.Site(template).At("properties.siteConfig.cors");

        Assert.Equal("[parameters('corsAllowedOrigins')]", cors.GetProperty("allowedOrigins").GetString());
        Assert.False(cors.GetProperty("supportCredentials").GetBoolean());
        var origins = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "api")
            .Properties.GetProperty("parameters").GetProperty("corsAllowedOrigins").GetProperty("value");
        var origin = Assert.Single(origins.EnumerateArray()).GetString()!;
        Assert.Matches(@"^\[reference\(extensionResourceId\(.*'Microsoft\.Resources/deployments', 'web'\), '[0-9-]+'\)\.outputs\.uri\.value\]$", origin);
        // The module's uri is https://<defaultHostname>: an origin, with no path or trailing slash, and no '*' anywhere.
        Assert.Equal(SiteUri, template.Module("web").GetProperty("outputs").GetProperty("uri").GetProperty("value").GetString());
        Assert.DoesNotContain("'*'", template.Module("api").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_NameTheDashboardUrl()
    {
        var outputs = (await InfraFiles.CompiledAsync()).Root.GetProperty("outputs");
        const string WebUri = "outputs.uri.value]";

        Assert.EndsWith(WebUri, outputs.GetProperty("AZURE_STATIC_WEB_APP_URL").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(outputs.GetProperty("AZURE_STATIC_WEB_APP_URL").GetProperty("value").GetString(), outputs.GetProperty("AZURE_DASHBOARD_URL").GetProperty("value").GetString());
        Assert.Contains("'web'", outputs.GetProperty("AZURE_STATIC_WEB_APP_URL").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("outputs.name.value]", outputs.GetProperty("AZURE_STATIC_WEB_APP_NAME").GetProperty("value").GetString(), StringComparison.Ordinal);
    }
}
