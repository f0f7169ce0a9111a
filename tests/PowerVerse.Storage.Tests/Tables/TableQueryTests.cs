using PowerVerse.Storage.Tables;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableQueryTests
{
    [Fact]
    public async Task QueryAsync_MoreThan1000Entities_FollowsContinuationAcrossPages()
    {
        var table = await TableClientTests.CreateSutAsync();
        const int count = 1205;
        for (var batch = 0; batch < count; batch += 100)
        {
            var actions = Enumerable.Range(batch, Math.Min(100, count - batch))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D5}") { ["I"] = i }));
            await table.SubmitTransactionAsync(actions);
        }

        var pages = new List<int>();
        var seen = new List<int>();
        await foreach (var page in table.QueryAsync<TableEntity>().AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(e => e.GetInt32("I")!.Value));
        }

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.All(pages, size => Assert.InRange(size, 0, 1000));
        Assert.Equal(Enumerable.Range(0, count), seen);
    }

    [Fact]
    public async Task QueryAsync_SmallMaxPerPage_PagesWithFilterAndSelect()
    {
        var table = await TableClientTests.CreateSutAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 10)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["I"] = i, ["Extra"] = "x" })));

        var pages = new List<IReadOnlyList<TableEntity>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and I ge {3}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 3, select: ["I"]).AsPages())
        {
            pages.Add(page.Values);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(3, 7), pages.SelectMany(p => p).Select(e => e.GetInt32("I")!.Value).Order());
        Assert.All(pages.SelectMany(p => p), e => Assert.Null(e.GetString("Extra")));
    }

    [Fact]
    public async Task QueryAsync_FilterWithQuoteInString_MatchesExactlyThatEntity()
    {
        var table = await TableClientTests.CreateSutAsync();
        await table.AddEntityAsync(new TableEntity("p", "1") { ["Name"] = "O'Brien" });
        await table.AddEntityAsync(new TableEntity("p", "2") { ["Name"] = "OBrien" });
        await table.AddEntityAsync(new TableEntity("p", "3") { ["Name"] = "O''Brien" });

        var hits = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")))
        {
            hits.Add(e);
        }

        Assert.Equal("1", Assert.Single(hits).RowKey);
    }

    [Fact]
    public async Task QueryAsync_TypedLiterals_MatchLongGuidDateAndBinary()
    {
        var table = await TableClientTests.CreateSutAsync();
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("p", "hit") { ["Big"] = 9_007_199_254_740_993L, ["Id"] = id, ["At"] = when, ["Bin"] = new byte[] { 1, 2 } });
        await table.AddEntityAsync(new TableEntity("p", "miss") { ["Big"] = 1L, ["Id"] = Guid.NewGuid(), ["At"] = when.AddDays(-1), ["Bin"] = new byte[] { 3 } });

        async Task<string> Single(FormattableString filter)
        {
            var rows = new List<string>();
            await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(filter)))
            {
                rows.Add(e.RowKey);
            }

            return Assert.Single(rows);
        }

        Assert.Equal("hit", await Single($"Big eq {9_007_199_254_740_993L}"));
        Assert.Equal("hit", await Single($"Id eq {id}"));
        Assert.Equal("hit", await Single($"At ge {when}"));
        Assert.Equal("hit", await Single($"Bin eq {new byte[] { 1, 2 }}"));
    }

    [Fact]
    public async Task QueryAsync_Poco_MapsTypedResults()
    {
        var table = await TableClientTests.CreateSutAsync();
        await table.AddEntityAsync(new TableEntityTypesTests.SamplePoco { PartitionKey = "p", RowKey = "a", Model = "A100", Wei = 5 });

        var all = new List<TableEntityTypesTests.SamplePoco>();
        await foreach (var e in table.QueryAsync<TableEntityTypesTests.SamplePoco>())
        {
            all.Add(e);
        }

        var only = Assert.Single(all);
        Assert.Equal(("A100", 5L), (only.Model, only.Wei));
        Assert.NotEqual(default, only.ETag);
    }
}
