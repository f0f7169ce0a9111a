using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Dividends;

// What the dividend workflow's steps pass each other (plain JSON: numbers beyond 2^53 as decimal strings).

/// <summary>The workflow's input: the month yyyymm.</summary>
public sealed record DividendRequest(int Period);

/// <summary>A month's epoch as the contract holds it ("0" when not posted).</summary>
public sealed record EpochState(string Epoch, string Root, string Token, string Total, bool Funded);

/// <summary>One VID in the month's snapshot: the account it counts for, its published score and what it did in the month.</summary>
public sealed record SnapshotResource(string Account, string Vid, string Hid, string Score, bool ListedOrRented, bool Online);

/// <summary>The read model as of the month's end: its resources, the accounts with a violation, the pool and token.</summary>
public sealed record DividendSnapshot(
    int Period, string Pool, string Token, long Block, IReadOnlyList<SnapshotResource> Resources, IReadOnlyList<string> ViolatingAccounts);

/// <summary>A leaf of the tree: account and amount (decimal).</summary>
public sealed record LeafAmount(string Account, string Amount);

public sealed record PostEpochInput(int Period, string Root, string Token, string Total);

public sealed record StoreLeavesInput(string Epoch, IReadOnlyList<LeafAmount> Leaves);

public sealed record FundEpochInput(int Period, string Epoch, string Token, string Total);

/// <summary>One account's line in the workflow's output.</summary>
public sealed record AccountDividendView(
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("score")] string Score,
    [property: JsonPropertyName("violation")] bool Violation,
    [property: JsonPropertyName("amount")] string Amount);

/// <summary>
/// What a month's dividend workflow shows as its output: <c>funded</c> (posted and funded by this run),
/// <c>already-funded</c> (nothing changed), or <c>nothing-to-pay</c> (no score counted); the epoch, root, token, pool,
/// total and every account's score and amount.
/// </summary>
public sealed record DividendOutput(
    [property: JsonPropertyName("period")] int Period,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("epoch")] string Epoch,
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("pool")] string Pool,
    [property: JsonPropertyName("total")] string Total,
    [property: JsonPropertyName("totalScore")] string TotalScore,
    [property: JsonPropertyName("accounts")] IReadOnlyList<AccountDividendView> Accounts);
