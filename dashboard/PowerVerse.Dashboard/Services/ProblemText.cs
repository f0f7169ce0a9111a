using System.Text;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>A problem (the API's stable <c>type</c> slugs, README "The API") said in plain words for a person.</summary>
public static class ProblemText
{
    private const string Prefix = "https://powerverse.dev/problems/";

    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        ["malformed-request"] = "The request was not understood.",
        ["request-too-large"] = "The request is too large.",
        ["wrong-contract"] = "The request was signed for another contract than this action's.",
        ["wrong-action"] = "The request was signed for another action.",
        ["invalid-signature"] = "The signature does not match the account.",
        ["request-expired"] = "The signed request has expired; sign it again.",
        ["nonce-used"] = "Another request of this account was carried out first; sign this one again.",
        ["invalid-attestation"] = "The agent's attestation of the device is not valid for this registration.",
        ["chain-unavailable"] = "The chain cannot be reached right now; try again shortly.",
        ["invalid-authorization"] = "The signed read was not accepted (stale or for another account); show it again.",
        ["not-the-user"] = "Only the usage right's current user can see its access.",
        ["not-found"] = "Not found.",
    };

    public static string Describe(ProblemView problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var slug = problem.Type.StartsWith(Prefix, StringComparison.Ordinal) ? problem.Type[Prefix.Length..] : problem.Type;
        if (slug == "call-reverted" && problem.Error is { Length: > 0 } error)
        {
            return $"The chain would refuse this: {Humanize(error)}.";
        }

        return Sentences.TryGetValue(slug, out var sentence) ? sentence
            : problem.Detail ?? problem.Title ?? $"The request failed ({problem.Status}).";
    }

    /// <summary><c>ComputeMarketNotListed</c> → "compute market: not listed".</summary>
    public static string Humanize(string customError)
    {
        ArgumentNullException.ThrowIfNull(customError);
        string[] contracts = ["ComputeMarket", "RevenueRights", "ProofOfCompute", "HardwareRegistry", "ResourceRegistry",
            "UsageRights", "ProviderStaking", "PowerParams", "DividendDistributor", "PowerForwarder", "ERC20", "ERC2771Forwarder"];
        var contract = contracts.FirstOrDefault(c => customError.StartsWith(c, StringComparison.Ordinal) && customError.Length > c.Length);
        return contract is null ? Words(customError) : $"{Words(contract)}: {Words(customError[contract.Length..])}";
    }

    private static string Words(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
