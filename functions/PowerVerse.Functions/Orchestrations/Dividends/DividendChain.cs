using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>What the dividend workflow reads of the chain: DividendDistributor's epochs, the token's allowance, the head.</summary>
public sealed class DividendChain(IWeb3 web3, DeploymentManifest manifest, DividendOptions options)
{
    public IWeb3 Web3 { get; } = web3;

    public string Distributor { get; } = manifest["DividendDistributor"];

    /// <summary>The dividend token's address (<see cref="DividendOptions.Token"/>: a manifest name or an address).</summary>
    public string Token { get; } = AddressUtil.Current.IsValidEthereumAddressHexFormat(options.Token)
        ? AddressUtil.Current.ConvertToChecksumAddress(options.Token)
        : manifest[options.Token];

    /// <summary>The month's epoch (0 when not posted) and what the contract holds of it.</summary>
    public async Task<(BigInteger Epoch, EpochInfo State)> EpochOfPeriodAsync(int period)
    {
        var epoch = await Web3.Eth.GetContractQueryHandler<EpochOfPeriodFunction>()
            .QueryAsync<BigInteger>(Distributor, new EpochOfPeriodFunction { Period = (uint)period });
        return epoch.IsZero ? (epoch, new EpochInfo()) : (epoch, await EpochAsync(epoch));
    }

    public async Task<EpochInfo> EpochAsync(BigInteger epoch) =>
        (await Web3.Eth.GetContractQueryHandler<EpochOfFunction>()
            .QueryDeserializingToObjectAsync<EpochOutput>(new EpochOfFunction { Epoch = epoch }, Distributor)).Epoch;

    public Task<BigInteger> AllowanceAsync(string owner) =>
        Web3.Eth.GetContractQueryHandler<AllowanceFunction>().QueryAsync<BigInteger>(Token, new AllowanceFunction { Owner = owner, Spender = Distributor });

    /// <summary>The latest block's number and time.</summary>
    public async Task<(BigInteger Block, DateTimeOffset Time)> HeadAsync()
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return (block.Number.Value, DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
    }

    public async Task<DateTimeOffset> BlockTimeAsync(BigInteger number)
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(number));
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>Whether the contract holds this root, token and total for the epoch.</summary>
    public static bool Holds(EpochInfo state, string root, string token, BigInteger total) =>
        state.Root.Length == 32 && string.Equals(state.Root.ToHex(prefix: true), root, StringComparison.OrdinalIgnoreCase)
        && state.Token.IsTheSameAddress(token) && state.Total == total;
}
