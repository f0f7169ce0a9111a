using System.Text.RegularExpressions;
using PowerVerse.Infra.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary>Role assignments: exactly what the code needs (DESIGN §6), nothing broader.</summary>
public sealed partial class RoleAssignmentTests(ITestOutputHelper output)
{
    // Built-in role definition ids (Azure RBAC built-in roles).
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string AppAccount = "Microsoft.Storage/storageAccounts(storageAccountName)";
    private const string AgentAccount = "Microsoft.Storage/storageAccounts(agentQueueAccountName)";
    private const string Vault = "Microsoft.KeyVault/vaults(keyVaultName)";
    private const string OpsVault = "Microsoft.KeyVault/vaults(opsKeyVaultName)";
    private const string Insights = "Microsoft.Insights/components(applicationInsightsName)";
    private const string Identity = "app identity";
    private const string User = "deploying user";

    [Fact]
    public async Task RoleAssignments_AreExactlyTheNeededSet()
    {
        var template = await InfraFiles.CompiledAsync();

        var actual = template.OfType("Microsoft.Authorization/roleAssignments").Select(Describe).ToList();
        foreach (var assignment in actual)
        {
            output.WriteLine(assignment.ToString());
        }

        (string Role, string Scope, string Principal)[] expected =
        [
            (BlobDataOwner, AppAccount, Identity),
            (QueueDataContributor, AppAccount, Identity),
            (TableDataContributor, AppAccount, Identity),
            (QueueDataContributor, AgentAccount, Identity),
            (KeyVaultSecretsUser, Vault, Identity),
            (MonitoringMetricsPublisher, Insights, Identity),
            (KeyVaultSecretsOfficer, Vault, User),
            // The operators' vault, for the deployer key: the user only; the app has no role there, so the one vault it
            // reads holds exactly the secrets the code needs.
            (KeyVaultSecretsOfficer, OpsVault, User),
        ];
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public async Task RoleAssignments_AreNamedByScopePrincipalAndRole_AndTheUserGrantIsOptional()
    {
        var template = await InfraFiles.CompiledAsync();

        foreach (var assignment in template.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var scope = assignment.Json.GetProperty("scope").GetString()!;
            var role = RoleId().Match(assignment.At("properties.roleDefinitionId").GetString()!).Value;
            Assert.StartsWith($"[guid({scope[1..^1]}, ", assignment.Name, StringComparison.Ordinal);
            Assert.EndsWith($"'{role}')]", assignment.Name, StringComparison.Ordinal);
            if (assignment.At("properties.principalType").GetString() == "[parameters('userPrincipalType')]")
            {
                Assert.Equal("[not(empty(parameters('userPrincipalId')))]", assignment.Json.GetProperty("condition").GetString());
            }
        }

        var rbac = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "rbac").Properties.GetProperty("parameters");
        Assert.Equal("[parameters('principalId')]", rbac.GetProperty("userPrincipalId").GetProperty("value").GetString());
        Assert.Equal("[parameters('principalType')]", rbac.GetProperty("userPrincipalType").GetProperty("value").GetString());
        Assert.Equal("[variables('storageAccountName')]", rbac.GetProperty("storageAccountName").GetProperty("value").GetString());
        Assert.Equal("[variables('agentQueueAccountName')]", rbac.GetProperty("agentQueueAccountName").GetProperty("value").GetString());
        Assert.Equal("[variables('keyVaultName')]", rbac.GetProperty("keyVaultName").GetProperty("value").GetString());
        Assert.Equal("[variables('opsKeyVaultName')]", rbac.GetProperty("opsKeyVaultName").GetProperty("value").GetString());
    }

    private static (string Role, string Scope, string Principal) Describe(ArmResource assignment)
    {
        var role = RoleId().Match(assignment.At("properties.roleDefinitionId").GetString()!).Value;
        var scope = ScopeOf().Match(assignment.Json.GetProperty("scope").GetString()!);
        var principal = (assignment.At("properties.principalType").GetString(), assignment.At("properties.principalId").GetString()) switch
        {
            ("ServicePrincipal", var id) when id!.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal) => Identity,
            ("[parameters('userPrincipalType')]", "[parameters('userPrincipalId')]") => User,
            var other => $"unexpected {other}",
        };
        return (role, $"{scope.Groups["type"].Value}({scope.Groups["name"].Value})", principal);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[^']+)', parameters\('(?<name>[^']+)'\)\)\]$")]
    private static partial Regex ScopeOf();
}
