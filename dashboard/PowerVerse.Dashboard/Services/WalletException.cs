namespace PowerVerse.Dashboard.Services;

/// <summary>The wallet refused or failed: its EIP-1193 code (4001: the user rejected) and message.</summary>
public sealed class WalletException(int code, string message) : Exception(code == 4001 ? "You rejected the request in your wallet." : message)
{
    public int Code { get; } = code;
}
