using System.Globalization;
using Azure.Data.Tables;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests;

/// <summary>
/// The test assembly doubles as a console, so tests can run a sender in another process:
/// <list type="bullet">
/// <item><c>send-many RPC STORAGE TABLE KEY TO DATA COUNT</c> sends COUNT transactions concurrently through one
/// sender over the Table journal, waits for each to be mined, prints "sent NONCE HASH" per transaction and "done";</item>
/// <item><c>send-and-hang RPC STORAGE TABLE KEY TO DATA</c> journals one signed transaction, prints "recorded NONCE HASH"
/// and hangs before sending, so a test can kill it (SIGKILL) exactly between journal and send.</item>
/// </list>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [var command, var rpc, var storage, var table, var key, var to, var data, ..])
        {
            await Console.Error.WriteLineAsync("usage: send-many|send-and-hang RPC STORAGE TABLE KEY TO DATA [COUNT]");
            return 2;
        }

        var journal = new TableNonceJournal(new TableClient(storage, table));
        await journal.CreateIfNotExistsAsync();
        using var sender = new TransactionSender(new Web3(ChainRpc.CreateClient(new Uri(rpc))), new EthECKey(key), journal,
            new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        var request = new TransactionRequest { To = to, Data = data.HexToByteArray(), GasLimit = 100_000 };
        switch (command)
        {
            case "send-many" when args.Length == 8:
                var entries = await Task.WhenAll(Enumerable.Range(0, int.Parse(args[7], CultureInfo.InvariantCulture))
                    .Select(_ => Task.Run(() => sender.SendAsync(request))));
                foreach (var entry in entries)
                {
                    var receipt = await sender.WaitForConfirmationsAsync(entry);
                    Console.WriteLine($"sent {entry.Nonce} {receipt.TransactionHash}");
                }

                Console.WriteLine("done");
                return 0;
            case "send-and-hang":
                sender.AfterRecord = entry =>
                {
                    Console.WriteLine($"recorded {entry.Nonce} {entry.TransactionHash}");
                    Console.Out.Flush();
                    Thread.Sleep(Timeout.Infinite);
                };
                await sender.SendAsync(request);
                return 1;
            default:
                await Console.Error.WriteLineAsync($"unknown command '{command}'");
                return 2;
        }
    }
}
