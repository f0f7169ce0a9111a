using System.Numerics;
using Nethereum.ABI.EIP712;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Web3;

namespace PowerVerse.Chain.Forwarding;

/// <summary>The PowerForwarder (OpenZeppelin 5 ERC2771Forwarder) as PowerVerse uses it: domain, nonces, checks, calldata.</summary>
public sealed class ForwarderClient(IWeb3 web3, string address)
{
    private readonly IWeb3 _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));

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

    /// <summary>Calldata of <c>execute(request)</c>, for the relayer's transaction to <see cref="Address"/>.</summary>
    public static byte[] ExecuteCalldata(ForwardRequestData request) =>
        new ExecuteFunction { Request = request }.GetCallData();
}
