namespace PowerVerse.Views;

/// <summary>
/// A UID's public fields: owner, ERC-4907 user and expiry (read-time: <c>Active</c> while now is before it), its listing
/// if listed; and, only when the request is signed by its user while the rental is live, the access configuration.
/// </summary>
public sealed record UsageRightView(
    string Uid, string Vid, string Hid, string Owner, string Provider, long DurationSeconds, string? User, long Expires,
    bool Active, long GpuModel, long ComputeType, bool Retired, ListingView? Listing, ChainRefView Source, AccessView? Access = null);
