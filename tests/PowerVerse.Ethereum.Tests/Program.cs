using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Tests;

/// <summary>
/// The test assembly doubles as a console: <c>dotnet PowerVerse.Ethereum.Tests.dll send-and-hang RPC JOURNAL KEY TO DATA</c>
/// journals one signed transaction, prints "recorded NONCE HASH" and hangs before sending, so a test can kill it
/// (SIGKILL) exactly between sign and send. <c>generate-bindings ABI_DIR OUT_DIR</c> writes the typed contract bindings.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate-bindings", var abiDirectory, var outputDirectory])
        {
            Contracts.BindingGenerator.GenerateAll(abiDirectory, outputDirectory);
            return 0;
        }

        if (args.Length != 6 || args[0] != "send-and-hang")
        {
            await Console.Error.WriteLineAsync("usage: send-and-hang RPC JOURNAL PRIVATEKEY TO DATA");
            return 2;
        }

        var eth = new EthClient(new JsonRpcClient(new HttpClient(), new Uri(args[1])));
        using var journal = new FileNonceJournal(args[2]);
        using var sender = new TransactionSender(eth, EthereumKey.Parse(args[3]), journal);
        sender.AfterRecord = entry =>
        {
            Console.WriteLine($"recorded {entry.Nonce} {entry.TransactionHash}");
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        };
        await sender.SendAsync(new TransactionRequest { To = Address.Parse(args[4]), Data = HexEncoding.ToBytes(args[5]), GasLimit = 100_000 });
        return 1;
    }
}
