using System.Numerics;
using Nethereum.ABI.EIP712;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Errors;

namespace PowerVerse.Chain.Forwarding;

/// <summary>
/// The PowerForwarder (OpenZeppelin 5 ERC2771Forwarder) as PowerVerse uses it: domain, nonces, checks, calldata, and
/// the relayed call simulated. Reverts are decoded with <paramref name="errors"/> (default: the PowerVerse contracts').
/// </summary>
public sealed class ForwarderClient(IWeb3 web3, string address, CustomErrorRegistry? errors = null)
{
    private readonly IWeb3 _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
    private readonly CustomErrorRegistry _errors = errors ?? CustomErrorRegistry.Contracts;

    public string Address { get; } = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>The EIP-712 domain from the deployed forwarder's EIP-5267 <c>eip712Domain()</c>.</summary>
    public async Task<Eip712Domain> ReadDomainAsync()
    {
        var domain = await _web3.Eth.GetContractQueryHandler<Eip712DomainFunction>()
            .QueryDeserializingToObjectAsync<Eip712DomainOutput>(new Eip712DomainFunction(), Address);
        return new Eip712Domain { Name = domain.Name, Version = domain.Version, ChainId = domain.ChainId, VerifyingContract = domain.VerifyingContract };
    }

    public Task<BigInteger> NoncesAsync(string owner) =>
        _web3.Eth.GetContractQueryHandler<NoncesFunction>().QueryAsync<BigInteger>(Address, new NoncesFunction { Owner = owner });

    /// <summary>A request for <paramref name="data"/> on <paramref name="to"/> at the signer's current forwarder nonce.</summary>
    public async Task<ForwardRequest> BuildAsync(string from, string to, byte[] data, BigInteger gas, ulong deadline, BigInteger value = default) => new()
    {
        From = from,
        To = to,
        Value = value,
        Gas = gas,
        Nonce = await NoncesAsync(from),
        Deadline = deadline,
        Data = data,
    };

    /// <summary>The forwarder's own <c>verify</c>: signature, deadline, current nonce and trusted target all hold.</summary>
    public Task<bool> VerifyOnChainAsync(ForwardRequestData request) =>
        _web3.Eth.GetContractQueryHandler<VerifyFunction>().QueryAsync<bool>(Address, new VerifyFunction { Request = request });

    /// <summary>
    /// Runs the call the forwarder would make for <paramref name="request"/> as an <c>eth_call</c>, without its checks
    /// (signature, nonce, deadline: see <see cref="VerifyOnChainAsync"/>): <c>data ‖ from</c> to <c>to</c> from the
    /// forwarder, with the request's value, its gas for execution (plus the intrinsic gas a transaction pays and the
    /// forwarder's internal call does not). ERC-2771 §"Protocol": a trusting target reads the original sender
    /// from the last 20 bytes of calldata sent by its trusted forwarder, so the target sees the user, as it will when
    /// relayed. OpenZeppelin's <c>execute</c> would hide the target's reason behind its own <c>FailedCall()</c>; this
    /// names it.
    /// </summary>
    /// <exception cref="ContractRevertedException">The call reverts; <see cref="ContractRevertedException.Error"/> is the decoded reason, or null without one.</exception>
    public async Task SimulateAsync(ForwardRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = request.From.HexToByteArray();
        if (from.Length != 20)
        {
            throw new ArgumentException($"'{request.From}' is not an address.", nameof(request));
        }

        byte[] calldata = [.. request.Data, .. from];
        var call = new CallInput(calldata.ToHex(prefix: true), request.To, new HexBigInteger(request.Value))
        {
            From = Address,
            Gas = new HexBigInteger(CallFailures.WithIntrinsicGas(request.Gas, calldata)),
        };
        try
        {
            await _web3.Eth.Transactions.Call.SendRequestAsync(call);
        }
        catch (Exception ex) when (ContractRevertedException.From(ex, _errors) is { } reverted)
        {
            throw reverted;
        }
        catch (Exception ex) when (CallFailures.IsRevertWithoutData(ex))
        {
            throw new ContractRevertedException((DecodedError?)null, ex);
        }
    }

    /// <summary>Calldata of <c>execute(request)</c>, for the relayer's transaction to <see cref="Address"/>.</summary>
    public static byte[] ExecuteCalldata(ForwardRequestData request) =>
        new ExecuteFunction { Request = request }.GetCallData();
}
