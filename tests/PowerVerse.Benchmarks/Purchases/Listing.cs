using System.Numerics;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>A listed UID and the terms a buyer agrees to: <c>buy(uid, token, price)</c>.</summary>
internal sealed record Listing(BigInteger Uid, string Token, BigInteger Price);
