using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// The README's "Ranks" formula written out again from its text, apart from the Domain's code, over the JSON of
/// <c>GET /api/ranks/{vid}</c>: what anyone who recomputes a published rank would write.
/// </summary>
internal static class IndependentRank
{
    public sealed record Result(BigInteger HashRate, long SuccessBps, long UptimeBps, BigInteger Score, int Verified, int Missed, long From, long To, long Downtime);

    private sealed record Proof(BigInteger Id, bool Verified, long IssuedAt, long FinishedAt, BigInteger Work, long ElapsedMs, BigInteger PublishedRate);

    public static Result FromJson(JsonElement detail)
    {
        var proofs = detail.GetProperty("proofs").EnumerateArray().Select(p => new Proof(
            Big(p, "challengeId"), p.GetProperty("status").GetString() switch
            {
                "verified" => true,
                "expired" => false,
                var other => throw new InvalidDataException($"A rank proof with status {other}."),
            },
            p.GetProperty("issuedAt").GetInt64(), p.GetProperty("finishedAt").GetInt64(), Big(p, "work"), p.GetProperty("elapsedMs").GetInt64(), Big(p, "rate"))).ToList();
        if (proofs.Count is 0 or > 20)
        {
            throw new InvalidDataException($"{proofs.Count} proofs: a rank has 1 to 20.");
        }

        // Formula order: issuedAt, then challenge id; whatever order the JSON lists them in.
        proofs.Sort((x, y) => x.IssuedAt != y.IssuedAt ? x.IssuedAt.CompareTo(y.IssuedAt) : x.Id.CompareTo(y.Id));

        BigInteger hashRate = 0;
        var seenVerified = false;
        foreach (var proof in proofs.Where(p => p.Verified))
        {
            var rate = BigInteger.Divide(proof.Work * 1000, proof.ElapsedMs);
            if (rate != proof.PublishedRate)
            {
                throw new InvalidDataException($"Proof {proof.Id}: published rate {proof.PublishedRate}, work·1000/elapsedMs = {rate}.");
            }

            hashRate = seenVerified ? BigInteger.Divide(rate + (hashRate * 3), 4) : rate;
            seenVerified = true;
        }

        var verified = proofs.Count(p => p.Verified);
        long successBps = 10_000L * verified / proofs.Count;

        var from = proofs[0].IssuedAt;
        var to = Math.Max(from, proofs.Max(p => p.FinishedAt));

        // Down from a miss's issue until the next verified proof's issue (or the span's end).
        long downtime = 0;
        long? downSince = null;
        foreach (var proof in proofs.Where(p => p.IssuedAt < to))
        {
            if (!proof.Verified && downSince is null)
            {
                downSince = proof.IssuedAt;
            }
            else if (proof.Verified && downSince is long since)
            {
                downtime += proof.IssuedAt - since;
                downSince = null;
            }
        }

        if (downSince is long open)
        {
            downtime += to - open;
        }

        long uptimeBps = to == from ? 10_000 : 10_000L * (to - from - downtime) / (to - from);
        var score = BigInteger.Divide(hashRate * successBps * uptimeBps, BigInteger.Pow(10, 8));
        return new Result(hashRate, successBps, uptimeBps, score, verified, proofs.Count - verified, from, to, downtime);
    }

    /// <summary>The rank as published next to its proofs, in the same shape.</summary>
    public static Result Published(JsonElement detail)
    {
        var rank = detail.GetProperty("rank");
        var window = rank.GetProperty("window");
        return new Result(
            Big(rank, "hashRate"), rank.GetProperty("successBps").GetInt64(), rank.GetProperty("uptimeBps").GetInt64(), Big(rank, "score"),
            rank.GetProperty("verified").GetInt32(), rank.GetProperty("missed").GetInt32(), window.GetProperty("from").GetInt64(),
            window.GetProperty("to").GetInt64(), window.GetProperty("downtimeSeconds").GetInt64());
    }

    private static BigInteger Big(JsonElement e, string name) => BigInteger.Parse(e.GetProperty(name).GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
}
