namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>A dividend workflow's steps, as <c>/api/workflows/dividend-&lt;yyyymm&gt;</c> shows them (then indexing, done).</summary>
public static class DividendSteps
{
    public const string Checking = "checking";
    public const string Snapshot = "snapshot";
    public const string Scoring = "scoring";
    public const string Tree = "tree";
    public const string Posting = "posting";
    public const string StoringProofs = "storing-proofs";
    public const string Approving = "approving";
    public const string Funding = "funding";
}
