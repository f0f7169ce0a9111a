namespace PowerVerse.Client.Writes;

/// <summary>
/// A signed write ready to post: its route, its body and its id — the ForwardRequest's EIP-712 hash at the nonce it
/// was signed for (0x and 64 lowercase hex), which is also the id of the workflow the API starts for it.
/// </summary>
public sealed record PreparedWrite(string Route, SignedWrite Body, string Id);
