using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Benchmarks;

/// <summary>
/// The platform's transaction sender (Table journal on Azurite, nonce under an ETag, journal before send) against
/// the raw floor measured in the same run on the same Hardhat node: the same number of transactions signed with
/// Nethereum and sent with eth_sendRawTransaction, nothing journalled. Both from one key, all sends in flight at
/// once (the sender serialises them in nonce order, as it must for one key).
/// </summary>
internal sealed class SenderBenchmark : IBenchmark
{
    private const int Count = 200;
    private const long TestChainId = 31337;
    private const string RawKey = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";    // Hardhat #2
    private const string SenderKey = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"; // Hardhat #3
    private const string Burn = "0x000000000000000000000000000000000000dEaD";

    public string Name => "sender";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var node = await HardhatNode.StartAsync();
        await using var azurite = await AzuriteServer.StartAsync();
        var web3 = new Web3(ChainRpc.CreateClient(node.RpcUrl));

        var raw = await RawAsync(web3);
        var journal = new TableNonceJournal(new TableClient(azurite.ConnectionString, "benchjournal"));
        await journal.CreateIfNotExistsAsync();
        using var sender = new TransactionSender(web3, new EthECKey(SenderKey), journal);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Count).Select(_ => Task.Run(() => sender.SendAsync(new TransactionRequest { To = Burn, Value = 1, GasLimit = 21_000 }))));
        var journalled = Count / watch.Elapsed.TotalSeconds;

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "{0} transactions from one key, Hardhat automine, Azurite journal; same run\n{1,-44}{2,10:N1} tx/s\n{3,-44}{4,10:N1} tx/s\n{5,-44}{6,10:F2}x",
            Count, "raw: sign + eth_sendRawTransaction", raw, "TransactionSender (journal, fees, nonce)", journalled, "ratio", journalled / raw));
    }

    private static async Task<double> RawAsync(Web3 web3)
    {
        var key = new EthECKey(RawKey);
        var nonce = (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(key.GetPublicAddress(), BlockParameter.CreatePending())).Value;
        var signer = new Transaction1559Signer();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            var signed = signer.SignTransaction(key, new Transaction1559(TestChainId, nonce + i, 2_000_000_000, 100_000_000_000, 21_000, Burn, 1, "0x", []));
            await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed.EnsureHexPrefix());
        }

        return Count / watch.Elapsed.TotalSeconds;
    }
}
