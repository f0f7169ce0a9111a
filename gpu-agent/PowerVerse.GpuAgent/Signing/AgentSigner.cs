using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using PowerVerse.Domain.Json;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// The agent's signatures, made by Nethereum: the EIP-712 <c>ProofResult</c> that ProofOfCompute checks (DESIGN §2),
/// and EIP-191 personal-message signatures over the RFC 8785 canonical JSON of its messages (DESIGN §3).
/// </summary>
internal sealed class AgentSigner
{
    private readonly EthECKey _key;

    static AgentSigner()
    {
        // DESIGN §3's Nethereum note: the recoverable (libsecp256k1) path gives the same RFC 6979 signatures, ~8x faster.
        EthECKey.SignRecoverable = true;
    }

    public AgentSigner(EthECKey key)
    {
        _key = key;
        ChecksumAddress = key.GetPublicAddress();
        Address = ChecksumAddress.ToLowerInvariant();
        AddressBytes = key.GetPublicAddressAsBytes();
    }

    /// <summary>"0x" + 40 lowercase hex digits, as queue names and messages carry it.</summary>
    public string Address { get; }

    /// <summary>EIP-55 mixed case, for people to read.</summary>
    public string ChecksumAddress { get; }

    /// <summary>The 20 address bytes that go into every proof message (DESIGN §2).</summary>
    public ReadOnlyMemory<byte> AddressBytes { get; }

    /// <summary>
    /// 0x + r ‖ s ‖ v (65 bytes, v = 27 or 28), as eth_signTypedData_v4 returns it, over the EIP-712 ProofResult digest
    /// of the Domain's <see cref="ProofResultTypedData"/>: the same definition the platform verifies with.
    /// </summary>
    public string SignProofResult(
        BigInteger chainId, string proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt) =>
        EthECDSASignature.CreateStringSignature(
            _key.SignAndCalculateV(ProofResultTypedData.Digest(chainId, proofContract, challengeId, vid, seed, nonces, startedAt, finishedAt)));

    /// <summary>0x + r ‖ s ‖ v: the agent attests <paramref name="deviceHash"/> for <paramref name="owner"/>'s registration (DESIGN §2).</summary>
    public string SignDeviceAttestation(BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner) =>
        Eip712TypedDataSigner.Current.SignTypedDataV4(DeviceAttestationTypedData.Create(chainId, hardwareRegistry, deviceHash, owner), _key);

    /// <summary>Adds <c>signature</c>: EIP-191 (version 0x45) over the UTF-8 canonical JSON of everything else.</summary>
    public JsonObject SignJson(JsonObject message)
    {
        message[CanonicalJson.SignatureMember] = new EthereumMessageSigner().EncodeUTF8AndSign(CanonicalJson.SerializeWithoutSignature(message), _key);
        return message;
    }
}
