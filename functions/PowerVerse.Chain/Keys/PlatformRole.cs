namespace PowerVerse.Chain.Keys;

/// <summary>The platform's own accounts (DESIGN §3), each with its own key and nonce journal partition.</summary>
public enum PlatformRole
{
    /// <summary>Pays the gas of users' ERC-2771 requests through the forwarder.</summary>
    Relayer,

    /// <summary>Requests proofs of compute on chain.</summary>
    Challenger,

    /// <summary>Submits proofs, settles escrows and posts dividends.</summary>
    Settler,
}
