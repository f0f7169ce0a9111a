using System.Globalization;

namespace PowerVerse.GpuAgent.Tests.Support;

/// <summary>Typed data written out as a wallet sends it to eth_signTypedData_v4 (DESIGN §2), not built by the agent's code.</summary>
internal static class WalletJson
{
    public static string ProofResult(long chainId, string contract, string challengeId, string vid, byte[] seed, IEnumerable<ulong> nonces, ulong startedAt, ulong finishedAt) => $$"""
        {
          "types": {
            "EIP712Domain": [ {"name":"name","type":"string"}, {"name":"version","type":"string"}, {"name":"chainId","type":"uint256"}, {"name":"verifyingContract","type":"address"} ],
            "ProofResult": [ {"name":"challengeId","type":"uint256"}, {"name":"vid","type":"uint256"}, {"name":"seed","type":"bytes32"}, {"name":"nonces","type":"uint64[]"}, {"name":"startedAt","type":"uint64"}, {"name":"finishedAt","type":"uint64"} ]
          },
          "primaryType": "ProofResult",
          "domain": { "name": "PowerVerse ProofOfCompute", "version": "1", "chainId": {{chainId}}, "verifyingContract": "{{contract}}" },
          "message": { "challengeId": "{{challengeId}}", "vid": "{{vid}}", "seed": "0x{{Convert.ToHexStringLower(seed)}}",
                       "nonces": [{{string.Join(",", nonces.Select(n => n.ToString(CultureInfo.InvariantCulture)))}}], "startedAt": {{startedAt}}, "finishedAt": {{finishedAt}} }
        }
        """;
}
