using Azure.Data.Tables;
using Nethereum.Signer;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>
/// Who gets queue SAS (DESIGN §3), on the real Hardhat node and Azurite: the read model's agent index names the
/// candidates, the chain confirms them, and what the indexer has not reached yet (a new HID, a new agent key) is found
/// on chain; a replaced key is refused at once.
/// </summary>
public sealed class RegisteredAgentsTests(AgentChainFixture chain) : IClassFixture<AgentChainFixture>
{
    [Fact]
    public async Task IsRegisteredAgentAsync_IndexedHid_AcceptedFromItsAgentPartition()
    {
        var agent = EthECKey.GenerateKey();
        var hid = await chain.RegisterAsync(agent);
        await chain.IndexAsync();

        Assert.True(await chain.Agents.IsRegisteredAgentAsync(agent.GetPublicAddress(), CancellationToken.None));
        Assert.Equal([Keys.Id(hid)], await IndexedHidsAsync(agent));
        Assert.False(await chain.Agents.IsRegisteredAgentAsync(EthECKey.GenerateKey().GetPublicAddress(), CancellationToken.None));
    }

    [Fact]
    public async Task IsRegisteredAgentAsync_NewestHidNotIndexed_Accepted()
    {
        await chain.IndexAsync();
        var agent = EthECKey.GenerateKey();
        await chain.RegisterAsync(agent);

        Assert.True(await chain.Agents.IsRegisteredAgentAsync(agent.GetPublicAddress(), CancellationToken.None));
        Assert.Empty(await IndexedHidsAsync(agent));
    }

    [Fact]
    public async Task IsRegisteredAgentAsync_AgentChanged_OldRefusedNewAcceptedBeforeAndAfterIndexing()
    {
        var (old, replacement) = (EthECKey.GenerateKey(), EthECKey.GenerateKey());
        var hid = await chain.RegisterAsync(old);
        await chain.IndexAsync();

        await chain.SetAgentAsync(hid, replacement);

        Assert.False(await chain.Agents.IsRegisteredAgentAsync(old.GetPublicAddress(), CancellationToken.None));
        Assert.True(await chain.Agents.IsRegisteredAgentAsync(replacement.GetPublicAddress(), CancellationToken.None));

        await chain.IndexAsync();
        await chain.IndexAsync(); // a replay changes nothing

        Assert.False(await chain.Agents.IsRegisteredAgentAsync(old.GetPublicAddress(), CancellationToken.None));
        Assert.True(await chain.Agents.IsRegisteredAgentAsync(replacement.GetPublicAddress(), CancellationToken.None));
        Assert.Empty(await IndexedHidsAsync(old));
        Assert.Equal([Keys.Id(hid)], await IndexedHidsAsync(replacement));
    }

    [Fact]
    public async Task IsRegisteredAgentAsync_IndexNamesAnHidTheChainDoesNotHave_RefusedNotFailed()
    {
        await chain.IndexAsync();
        var agent = EthECKey.GenerateKey().GetPublicAddress();
        await chain.Tables.Agents.UpsertEntityAsync(new TableEntity(Keys.Account(agent), "999999") { ["Agent"] = agent, ["Hid"] = "999999" });

        // hardware(999999) reverts with ERC721NonexistentToken: no HID, so no agent (any other RPC failure would throw).
        Assert.False(await chain.Agents.IsRegisteredAgentAsync(agent, CancellationToken.None));
    }

    private async Task<List<string>> IndexedHidsAsync(EthECKey agent)
    {
        var rows = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Account(agent.GetPublicAddress())}");
        await foreach (var row in chain.Tables.Agents.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row.RowKey);
        }

        return rows;
    }
}
