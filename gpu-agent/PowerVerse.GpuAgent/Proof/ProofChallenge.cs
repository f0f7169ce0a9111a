namespace PowerVerse.GpuAgent.Proof;

/// <summary>
/// What a solver needs of a challenge (DESIGN §2): find the first <see cref="Shares"/> nonces, in ascending
/// order from <see cref="StartNonce"/>, whose keccak256(seed ‖ agent ‖ nonce) begins with
/// <see cref="Difficulty"/> zero bits.
/// </summary>
internal sealed record ProofChallenge
{
    public ProofChallenge(ReadOnlyMemory<byte> seed, ReadOnlyMemory<byte> agent, int difficulty, int shares, ulong startNonce = 0)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("The seed is 32 bytes.", nameof(seed));
        }

        if (agent.Length != 20)
        {
            throw new ArgumentException("The agent address is 20 bytes.", nameof(agent));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(difficulty);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, 256);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shares);
        Seed = seed.ToArray();
        Agent = agent.ToArray();
        Difficulty = difficulty;
        Shares = shares;
        StartNonce = startNonce;
    }

    public ReadOnlyMemory<byte> Seed { get; }

    public ReadOnlyMemory<byte> Agent { get; }

    public int Difficulty { get; }

    public int Shares { get; }

    public ulong StartNonce { get; }
}
