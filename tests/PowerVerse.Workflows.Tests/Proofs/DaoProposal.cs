using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// Changes the DAO's parameters the only way they change: a PowerGovernor proposal from the deployer (Hardhat #0, who
/// holds the votes on a fresh local chain), voted, queued in the timelock and executed — with the local chain's blocks
/// and clock moved past each wait (1-block delay, 10-block vote, 60 s timelock).
/// </summary>
internal static class DaoProposal
{
    /// <summary>Proposes, votes, queues and executes calls of PowerParams (each its calldata).</summary>
    public static async Task ExecuteAsync(LocalStack stack, string description, params byte[][] calls)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var web3 = new Web3(new Account(HardhatAccounts.Key(0), HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        var governor = stack.Manifest["PowerGovernor"];
        var targets = calls.Select(_ => stack.Manifest["PowerParams"]).ToList();
        var values = calls.Select(_ => BigInteger.Zero).ToList();
        var data = calls.ToList();
        var descriptionHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(description));

        await SendAsync(web3, governor, new ProposeFunction { Targets = targets, Values = values, Calldatas = data, Description = description });
        var id = await web3.Eth.GetContractQueryHandler<HashProposalFunction>().QueryAsync<BigInteger>(governor,
            new HashProposalFunction { Targets = targets, Values = values, Calldatas = data, DescriptionHash = descriptionHash });
        await MineAsync(web3, 2);
        await SendAsync(web3, governor, new CastVoteFunction { ProposalId = id, Support = 1 });
        await MineAsync(web3, 11);
        await SendAsync(web3, governor, new QueueFunction { Targets = targets, Values = values, Calldatas = data, DescriptionHash = descriptionHash });
        await stack.Clock.AdvanceAsync(61);
        await SendAsync(web3, governor, new ExecuteFunction { Targets = targets, Values = values, Calldatas = data, DescriptionHash = descriptionHash });
    }

    private static async Task SendAsync<T>(Web3 web3, string to, T call)
        where T : FunctionMessage, new()
    {
        var receipt = await web3.Eth.GetContractTransactionHandler<T>().SendRequestAndWaitForReceiptAsync(to, call);
        if (receipt.Status.Value != 1)
        {
            throw new InvalidOperationException($"{typeof(T).Name} reverted in {receipt.TransactionHash}.");
        }
    }

    private static async Task MineAsync(Web3 web3, int blocks) =>
        await web3.Client.SendRequestAsync<object>("hardhat_mine", null, new HexBigInteger(blocks).HexValue);

    [Function("propose", "uint256")]
    private sealed class ProposeFunction : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)]
        public List<string> Targets { get; set; } = [];

        [Parameter("uint256[]", "values", 2)]
        public List<BigInteger> Values { get; set; } = [];

        [Parameter("bytes[]", "calldatas", 3)]
        public List<byte[]> Calldatas { get; set; } = [];

        [Parameter("string", "description", 4)]
        public string Description { get; set; } = string.Empty;
    }

    [Function("hashProposal", "uint256")]
    private sealed class HashProposalFunction : ProposalFunction;

    [Function("queue", "uint256")]
    private sealed class QueueFunction : ProposalFunction;

    [Function("execute", "uint256")]
    private sealed class ExecuteFunction : ProposalFunction;

    private class ProposalFunction : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)]
        public List<string> Targets { get; set; } = [];

        [Parameter("uint256[]", "values", 2)]
        public List<BigInteger> Values { get; set; } = [];

        [Parameter("bytes[]", "calldatas", 3)]
        public List<byte[]> Calldatas { get; set; } = [];

        [Parameter("bytes32", "descriptionHash", 4)]
        public byte[] DescriptionHash { get; set; } = [];
    }

    [Function("castVote", "uint256")]
    private sealed class CastVoteFunction : FunctionMessage
    {
        [Parameter("uint256", "proposalId", 1)]
        public BigInteger ProposalId { get; set; }

        [Parameter("uint8", "support", 2)]
        public byte Support { get; set; }
    }
}

/// <summary><c>PowerParams.addGpuModel(id, computeType, name, memoryMiB)</c> (add-only).</summary>
[Function("addGpuModel")]
internal sealed class AddGpuModelFunction : FunctionMessage
{
    [Parameter("uint32", "id", 1)]
    public uint Id { get; set; }

    [Parameter("uint32", "computeType", 2)]
    public uint ComputeType { get; set; }

    [Parameter("string", "name", 3)]
    public string Name { get; set; } = string.Empty;

    [Parameter("uint32", "memoryMiB", 4)]
    public uint MemoryMiB { get; set; }
}

/// <summary><c>PowerParams.addProofParams(computeType, difficulty, shares, deadlineSeconds)</c>: a new latest version.</summary>
[Function("addProofParams", "uint32")]
internal sealed class AddProofParamsFunction : FunctionMessage
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }

    [Parameter("uint8", "difficulty", 2)]
    public byte Difficulty { get; set; }

    [Parameter("uint16", "shares", 3)]
    public ushort Shares { get; set; }

    [Parameter("uint32", "deadlineSeconds", 4)]
    public uint DeadlineSeconds { get; set; }
}
