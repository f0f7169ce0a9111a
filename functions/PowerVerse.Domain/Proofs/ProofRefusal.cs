namespace PowerVerse.Domain.Proofs;

/// <summary>
/// Why the platform refuses an agent's result (DESIGN §2: verified off chain first, then submitted): a stable
/// <see cref="Code"/> and the reason in words. A refused result changes nothing on chain.
/// </summary>
public sealed record ProofRefusal(string Code, string Reason)
{
    /// <summary>Not exactly the challenge's number of nonces.</summary>
    public const string WrongShareCount = "wrong-share-count";

    /// <summary>The nonces are not strictly increasing.</summary>
    public const string NoncesNotIncreasing = "nonces-not-increasing";

    /// <summary>A nonce whose hash does not start with the difficulty's zero bits.</summary>
    public const string InvalidShare = "invalid-share";

    /// <summary>The EIP-712 ProofResult signature is not the HID's agent's over this challenge, VID and seed.</summary>
    public const string WrongSigner = "wrong-signer";

    /// <summary>The result names another agent than the challenge's.</summary>
    public const string WrongAgent = "wrong-agent";

    /// <summary>The result names another VID than the challenge's.</summary>
    public const string WrongVid = "wrong-vid";

    /// <summary>The result arrived after the challenge's deadline (by the chain's clock).</summary>
    public const string AfterDeadline = "after-deadline";

    /// <summary>The challenge was already verified or expired when the result arrived (a duplicate, a replay, a late result).</summary>
    public const string ChallengeClosed = "challenge-closed";

    /// <summary>No challenge with this id was ever issued by the platform.</summary>
    public const string UnknownChallenge = "unknown-challenge";

    /// <summary>Verified off chain, but the chain refused the submission (its custom error is the reason).</summary>
    public const string ChainRefused = "chain-refused";

    public override string ToString() => $"{Code}: {Reason}";
}
