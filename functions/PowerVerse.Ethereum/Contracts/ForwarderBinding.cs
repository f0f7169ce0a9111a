using System.Numerics;
using System.Reflection;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>Typed binding of an OpenZeppelin 5 ERC2771Forwarder (or a contract deriving from it, such as PowerForwarder).</summary>
public sealed class ForwarderBinding
{
    private static readonly Lazy<ContractAbi> AbiLazy = new(() => LoadEmbeddedAbi("ERC2771Forwarder"));

    public ForwarderBinding(EthClient eth, Address address, ForwarderDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Contract = new ContractBinding(eth, address, AbiLazy.Value);
        Domain = domain;
    }

    public static ContractAbi Abi => AbiLazy.Value;

    public ContractBinding Contract { get; }

    public ForwarderDomain Domain { get; }

    /// <summary>Reads the domain (name, chain id, address) from the deployed forwarder's EIP-5267 <c>eip712Domain()</c>.</summary>
    public static async Task<ForwarderBinding> AtAsync(EthClient eth, Address address, CancellationToken cancellationToken = default)
    {
        var probe = new ContractBinding(eth, address, AbiLazy.Value);
        var domain = await probe.CallAsync("eip712Domain", [], cancellationToken: cancellationToken);
        return new ForwarderBinding(eth, address, new ForwarderDomain((string)domain[1]!, (BigInteger)domain[3]!, (Address)domain[4]!));
    }

    public async Task<BigInteger> NoncesAsync(Address owner, CancellationToken cancellationToken = default) =>
        (BigInteger)(await Contract.CallAsync("nonces", [owner], cancellationToken: cancellationToken))[0]!;

    /// <summary>A request for <paramref name="data"/> on <paramref name="to"/> at the signer's current forwarder nonce.</summary>
    public async Task<ForwardRequest> BuildAsync(Address from, Address to, ReadOnlyMemory<byte> data, BigInteger gas, ulong deadline, BigInteger value = default, CancellationToken cancellationToken = default) => new()
    {
        From = from,
        To = to,
        Value = value,
        Gas = gas,
        Nonce = await NoncesAsync(from, cancellationToken),
        Deadline = deadline,
        Data = data,
    };

    /// <summary>Calldata of <c>execute(ForwardRequestData)</c>.</summary>
    public static byte[] EncodeExecute(ForwardRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Abi.GetFunction("execute").EncodeCall([request.ToTuple()]);
    }

    /// <summary>The forwarder's own <c>verify</c>: signature, deadline, nonce and trusted target all hold.</summary>
    public async Task<bool> VerifyOnChainAsync(ForwardRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (bool)(await Contract.CallAsync("verify", [request.ToTuple()], cancellationToken: cancellationToken))[0]!;
    }

    /// <summary>Relays the request: the relayer pays the gas and <paramref name="request"/>.Value.</summary>
    /// <exception cref="ContractRevertException">The forwarder refuses it (decoded: ERC2771ForwarderInvalidSigner, ...ExpiredRequest, ...).</exception>
    public Task<JournalEntry> ExecuteAsync(TransactionSender relayer, ForwardRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Contract.SendAsync(relayer, "execute", [request.ToTuple()], request.Value, cancellationToken);
    }

    internal static ContractAbi LoadEmbeddedAbi(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PowerVerse.Ethereum.Abis.{name}.json")
            ?? throw new InvalidOperationException($"ABI resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return ContractAbi.Parse(reader.ReadToEnd());
    }
}
