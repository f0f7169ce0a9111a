using System.Numerics;
using Nethereum.Signer;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// What the bad writes are aimed at, as <see cref="BadInputMarket"/> left it: the provider's registered and staked HID
/// with three resources (one with no usage right); UID <see cref="ListedUid"/> listed at <see cref="Price"/> tUSD (its RID 700 to the provider, 300
/// to the investor); UID <see cref="WithdrawnUid"/> listed and withdrawn; the investor's share listing (one share bought through
/// the API by the approved buyer) and a cancelled one; a device attested for the provider and not registered, and the one that is; the buyers (one approved for
/// the market, one not, one approved for less than the price, one approved with no tUSD); and each signer's forwarder
/// nonce, which no bad write may move.
/// </summary>
internal sealed record BadInputWorld
{
    public required DeploymentManifest Manifest { get; init; }

    public required RequestForge Forge { get; init; }

    public required EthECKey Provider { get; init; }

    public required EthECKey Investor { get; init; }

    /// <summary>Holds tUSD, never approved the market.</summary>
    public required EthECKey Unapproved { get; init; }

    /// <summary>Holds tUSD, approved the market for far more than any price.</summary>
    public required EthECKey Approved { get; init; }

    /// <summary>Holds tUSD, approved the market for one unit less than <see cref="Price"/>.</summary>
    public required EthECKey ShortApproved { get; init; }

    /// <summary>Approved the market for far more than any price, holds no tUSD.</summary>
    public required EthECKey Poor { get; init; }

    /// <summary>Owns nothing of the provider's.</summary>
    public required EthECKey Stranger { get; init; }

    /// <summary>Each signer's forwarder nonce (lowercase address), as last read.</summary>
    public required Dictionary<string, BigInteger> Nonces { get; init; }

    public required BigInteger Hid { get; init; }

    public required BigInteger Vid { get; init; }

    public required BigInteger SecondVid { get; init; }

    /// <summary>A VID of the provider with no usage right yet.</summary>
    public required BigInteger FreeVid { get; init; }

    public required BigInteger ListedUid { get; init; }

    public required BigInteger WithdrawnUid { get; init; }

    public required BigInteger Price { get; init; }

    /// <summary>GPU share (bps) of the HID still free.</summary>
    public required int FreeShareBps { get; init; }

    public required BigInteger ShareListing { get; init; }

    public required BigInteger ShareUnitPrice { get; init; }

    public required BigInteger ShareRemaining { get; init; }

    public required BigInteger CancelledShareListing { get; init; }

    /// <summary>The investor's shares of <see cref="Vid"/> not listed.</summary>
    public required BigInteger InvestorFreeShares { get; init; }

    /// <summary>The provider's forwarder nonce used by its own <c>execute</c> (no workflow knows it).</summary>
    public required BigInteger DirectNonce { get; init; }

    public required DeviceAttestation FreshDevice { get; init; }

    public required DeviceAttestation RegisteredDevice { get; init; }

    public string Tusd => Manifest["TestStablecoin"];

    public string Pvc => Manifest["PowerVerseCoin"];

    public IReadOnlyList<EthECKey> Signers => [Provider, Investor, Unapproved, Approved, ShortApproved, Poor, Stranger];

    public BigInteger NonceOf(EthECKey signer) => Nonces[Address(signer)];

    /// <summary>Reads every signer's forwarder nonce again.</summary>
    public async Task RefreshNoncesAsync(ForwarderClient forwarder)
    {
        ArgumentNullException.ThrowIfNull(forwarder);
        foreach (var address in Nonces.Keys.ToList())
        {
            Nonces[address] = await forwarder.NoncesAsync(address);
        }
    }

    public static string Address(EthECKey key) => key?.GetPublicAddress().ToLowerInvariant() ?? throw new ArgumentNullException(nameof(key));
}
