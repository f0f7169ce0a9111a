using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Everything a write could change, as named facts: on chain the block number, the relayer's nonce (mined and pending)
/// and ether, and each party's forwarder nonce, ether, tUSD and PVC; in storage every row of the read model (<c>rm*</c>),
/// the access grants, the platform journal and the task hub's instances and history, and every queue's length.
/// Two snapshots are compared fact by fact.
/// </summary>
internal static class StackSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(LocalStack stack, IReadOnlyList<string> parties)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parties);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var eth = stack.Web3.Eth;
        var relayer = HardhatAccounts.Key(1).GetPublicAddress();
        facts["chain/block"] = Text((await eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);
        facts["chain/relayer/nonce"] = Text((await eth.Transactions.GetTransactionCount.SendRequestAsync(relayer, BlockParameter.CreateLatest())).Value);
        facts["chain/relayer/pending"] = Text((await eth.Transactions.GetTransactionCount.SendRequestAsync(relayer, BlockParameter.CreatePending())).Value);
        facts["chain/relayer/ether"] = Text((await eth.GetBalance.SendRequestAsync(relayer)).Value);
        var forwarder = new ForwarderClient(stack.Web3, stack.Manifest["PowerForwarder"]);
        foreach (var party in parties.Concat([stack.Manifest["ComputeMarket"], stack.Manifest["RevenueRights"]]))
        {
            facts[$"chain/{party}/forwarder-nonce"] = Text(await forwarder.NoncesAsync(party));
            facts[$"chain/{party}/ether"] = Text((await eth.GetBalance.SendRequestAsync(party)).Value);
            foreach (var token in new[] { "TestStablecoin", "PowerVerseCoin" })
            {
                facts[$"chain/{party}/{token}"] = Text(await eth.GetContractQueryHandler<TokenBalanceOfFunction>()
                    .QueryAsync<BigInteger>(stack.Manifest[token], new TokenBalanceOfFunction { Account = party }));
            }
        }

        await AddTablesAsync(facts, new TableServiceClient(stack.Storage.ConnectionString));
        await foreach (var queue in new QueueServiceClient(stack.Storage.ConnectionString).GetQueuesAsync())
        {
            var properties = await new QueueClient(stack.Storage.ConnectionString, queue.Name).GetPropertiesAsync();
            facts[$"queue/{queue.Name}/length"] = Text(properties.Value.ApproximateMessagesCount);
        }

        return facts;
    }

    /// <summary>A snapshot once two taken <paramref name="interval"/> apart agree (the indexer has caught up), within <paramref name="timeout"/>.</summary>
    public static async Task<SortedDictionary<string, string>> SettledAsync(LocalStack stack, IReadOnlyList<string> parties, TimeSpan interval, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = await TakeAsync(stack, parties);
        while (true)
        {
            await Task.Delay(interval);
            var next = await TakeAsync(stack, parties);
            var changes = Diff(last, next);
            if (changes.Count == 0)
            {
                return next;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The stack did not settle within {timeout}; still changing:\n{string.Join("\n", changes.Take(20))}");
            }

            last = next;
        }
    }

    /// <summary>Each fact that differs: <c>name: before → after</c> (<c>(none)</c> where absent).</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "(none)"} → {after.GetValueOrDefault(k) ?? "(none)"}")];
    }

    private static async Task AddTablesAsync(SortedDictionary<string, string> facts, TableServiceClient tables)
    {
        await foreach (var table in tables.QueryAsync())
        {
            var name = table.Name;
            if (!(name.StartsWith("rm", StringComparison.Ordinal) || name is "access" || name is "platformJournal"
                || name.EndsWith("Instances", StringComparison.Ordinal) || name.EndsWith("History", StringComparison.Ordinal)))
            {
                continue;
            }

            var rows = 0;
            await foreach (var entity in tables.GetTableClient(name).QueryAsync<TableEntity>())
            {
                rows++;
                facts[$"table/{name}/{entity.PartitionKey}|{entity.RowKey}"] = string.Join(";", entity.Keys
                    .Where(k => k is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey"))
                    .Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Format(entity[k])}"));
            }

            facts[$"table/{name}/rows"] = Text(rows);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
