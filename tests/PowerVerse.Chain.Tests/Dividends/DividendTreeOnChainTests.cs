using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Domain.Dividends;

namespace PowerVerse.Chain.Tests.Dividends;

/// <summary>
/// The Domain's dividend tree against the contract that pays it: a fresh DividendDistributor and token on the Hardhat
/// node, an epoch posted with the tree's root and funded with its total, then every leaf claimed with its proof — an
/// odd number of leaves, so some proofs skip a level — and a proof for another amount refused. Account #5 deploys,
/// settles and sends the claims (a claim may be sent by anyone for the account).
/// </summary>
public sealed class DividendTreeOnChainTests
{
    private const int Settler = 5;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Claim_EveryLeafWithItsProof_PaysExactlyItsAmount(int count)
    {
        var (web3, distributor, token) = await DeployAsync();
        var leaves = Enumerable.Range(0, count)
            .Select(i => new DividendLeaf(Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress(), BigInteger.Pow(10, 12) + (i * 1_000_003)))
            .ToList();
        var tree = DividendTree.Build(leaves);
        var epoch = await PostAndFundAsync(web3, distributor, token, 202_601, tree);

        foreach (var leaf in leaves)
        {
            var claim = new ClaimDividendFunction { Epoch = epoch, Account = leaf.Account, Amount = leaf.Amount, Proof = tree.ProofOf(leaf.Account).Select(p => p.ToArray()).ToList() };
            var receipt = await web3.Eth.GetContractTransactionHandler<ClaimDividendFunction>().SendRequestAndWaitForReceiptAsync(distributor, claim);

            Assert.True(receipt.Succeeded(), $"claim of {leaf.Account} reverted");
            Assert.Equal(leaf.Amount, await BalanceAsync(web3, token, leaf.Account));
        }

        var left = await web3.Eth.GetContractQueryHandler<EpochOfFunction>().QueryDeserializingToObjectAsync<EpochOutput>(new EpochOfFunction { Epoch = epoch }, distributor);
        Assert.Equal(BigInteger.Zero, left.Epoch.Remaining);
        Assert.Equal(tree.Total, left.Epoch.Total);
    }

    [Fact]
    public async Task Claim_ProofOfAnotherAmount_RefusedWithInvalidProof()
    {
        var (web3, distributor, token) = await DeployAsync();
        var leaves = Enumerable.Range(0, 4).Select(i => new DividendLeaf(Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress(), 1_000 + i)).ToList();
        var tree = DividendTree.Build(leaves);
        var epoch = await PostAndFundAsync(web3, distributor, token, 202_602, tree);
        var leaf = leaves[2];
        var claim = new ClaimDividendFunction { Epoch = epoch, Account = leaf.Account, Amount = leaf.Amount + 1, Proof = tree.ProofOf(leaf.Account).Select(p => p.ToArray()).ToList() };

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => web3.Eth.GetContractTransactionHandler<ClaimDividendFunction>().EstimateGasAsync(distributor, claim));

        Assert.Equal("DividendDistributorInvalidProof", CustomErrorRegistry.Contracts.Decode(ex)?.Name);
        Assert.Equal(BigInteger.Zero, await BalanceAsync(web3, token, leaf.Account));
    }

    private static async Task<BigInteger> PostAndFundAsync(IWeb3 web3, string distributor, string token, uint period, DividendTree tree)
    {
        await SendAsync(web3, distributor, new PostEpochFunction { Period = period, Root = tree.Root.ToArray(), Token = token, Total = tree.Total });
        var epoch = await web3.Eth.GetContractQueryHandler<EpochOfPeriodFunction>().QueryAsync<BigInteger>(distributor, new EpochOfPeriodFunction { Period = period });
        await SendAsync(web3, token, new MintFunction { To = web3.TransactionManager.Account.Address, Amount = tree.Total });
        await SendAsync(web3, token, new ApproveFunction { Spender = distributor, Value = tree.Total });
        await SendAsync(web3, distributor, new FundEpochFunction { Epoch = epoch });
        return epoch;
    }

    private static async Task<(IWeb3 Web3, string Distributor, string Token)> DeployAsync()
    {
        var chain = await TestChain.Shared;
        var web3 = new Web3(new Account(TestData.PrivateKey(Settler), TestChain.ChainId), ChainRpc.CreateClient(chain.Node.RpcUrl));
        var admin = web3.TransactionManager.Account.Address;
        var token = await ContractArtifacts.DeployAsync(web3, "mocks", "TestStablecoin");
        var distributor = await ContractArtifacts.DeployAsync(web3, "dividends", "DividendDistributor", admin, chain.ForwarderAddress, 86_400);
        await SendAsync(web3, distributor, new GrantRoleFunction { Role = Nethereum.Util.Sha3Keccack.Current.CalculateHash("SETTLER_ROLE").HexToByteArray(), Account = admin });
        return (web3, distributor, token);
    }

    private static async Task SendAsync<TFunction>(IWeb3 web3, string contract, TFunction call)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await web3.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(contract, call);
        Assert.True(receipt.Succeeded(), $"{typeof(TFunction).Name} reverted");
    }

    private static Task<BigInteger> BalanceAsync(IWeb3 web3, string token, string account) =>
        web3.Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(token, new TokenBalanceOfFunction { Account = account });

    [Function("grantRole")]
    private sealed class GrantRoleFunction : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2)]
        public string Account { get; set; } = string.Empty;
    }

    [Function("mint")]
    private sealed class MintFunction : FunctionMessage
    {
        [Parameter("address", "to", 1)]
        public string To { get; set; } = string.Empty;

        [Parameter("uint256", "amount", 2)]
        public BigInteger Amount { get; set; }
    }
}
