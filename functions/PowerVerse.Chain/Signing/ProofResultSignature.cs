using System.Numerics;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.Chain.Signing;

/// <summary>
/// Who signed an agent's result: the EIP-712 ProofResult digest (<see cref="ProofResultTypedData"/>, the definition the
/// gpu-agent signs) recovered with the rules of OpenZeppelin's <c>ECDSA.recover</c>, as ProofOfCompute.submitResult
/// does, so a signature the contract would refuse is refused off chain first.
/// </summary>
public static class ProofResultSignature
{
    /// <summary>The EIP-55 address that signed the result, or null when the signature is one the contract would refuse.</summary>
    public static string? RecoverSigner(
        BigInteger chainId, string proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces,
        ulong startedAt, ulong finishedAt, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var digest = ProofResultTypedData.Digest(chainId, proofContract, challengeId, vid, seed, nonces, startedAt, finishedAt);
        try
        {
            return EcdsaRecovery.Recover(digest, signature);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
