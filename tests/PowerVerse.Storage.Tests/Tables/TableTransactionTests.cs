using PowerVerse.Storage.Tables;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableTransactionTests
{
    [Fact]
    public async Task SubmitTransactionAsync_100Adds_AppliesAllAndReturnsETags()
    {
        var table = await TableClientTests.CreateSutAsync();
        var entities = Enumerable.Range(0, 100).Select(i => new TableEntity("p", $"r{i:D3}") { ["I"] = i }).ToList();

        var response = await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));

        Assert.Equal(202, response.GetRawResponse().Status);
        Assert.Equal(100, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(response.Value.Select(r => r.Headers.ETag), entities.Select(e => (Azure.ETag?)e.ETag));
        var stored = await table.GetEntityAsync<TableEntity>("p", "r057");
        Assert.Equal(57, stored.Value.GetInt32("I"));
        Assert.Equal(entities[57].ETag, stored.Value.ETag);
    }

    [Fact]
    public async Task SubmitTransactionAsync_ConflictingAddInTheMiddle_AppliesNothingAndNamesIndex()
    {
        var table = await TableClientTests.CreateSutAsync();
        await table.AddEntityAsync(new TableEntity("p", "r005") { ["V"] = "original" });
        var actions = Enumerable.Range(0, 10)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { ["V"] = "batch" }))
            .ToList();

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Equal(5, e.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r000")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r009")).HasValue);
        Assert.Equal("original", (await table.GetEntityAsync<TableEntity>("p", "r005")).Value.GetString("V"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedActions_AppliesEachKind()
    {
        var table = await TableClientTests.CreateSutAsync();
        var merge = new TableEntity("p", "merge") { ["A"] = 1, ["B"] = 1 };
        var replace = new TableEntity("p", "replace") { ["A"] = 1, ["B"] = 1 };
        var delete = new TableEntity("p", "delete");
        foreach (var e in new[] { merge, replace, delete })
        {
            await table.AddEntityAsync(e);
        }

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["B"] = 2 }, merge.ETag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["B"] = 2 }, replace.ETag),
            new(TableTransactionActionType.Delete, delete, delete.ETag),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "um") { ["A"] = 3 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "ur") { ["A"] = 4 }),
            new(TableTransactionActionType.Add, new TableEntityTypesTests.SamplePoco { PartitionKey = "p", RowKey = "poco", Model = "L4", Wei = 7 }),
        ]);

        var merged = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value;
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "replace")).Value;
        Assert.Equal((1, 2), (merged.GetInt32("A"), merged.GetInt32("B")));
        Assert.Equal((null, 2), (replaced.GetInt32("A"), replaced.GetInt32("B")));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "delete")).HasValue);
        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "um")).Value.GetInt32("A"));
        Assert.Equal(4, (await table.GetEntityAsync<TableEntity>("p", "ur")).Value.GetInt32("A"));
        var poco = (await table.GetEntityAsync<TableEntityTypesTests.SamplePoco>("p", "poco")).Value;
        Assert.Equal(("L4", 7L), (poco.Model, poco.Wei));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_Throws412AndAppliesNothing()
    {
        var table = await TableClientTests.CreateSutAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        await table.UpsertEntityAsync(entity);

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "r") { ["V"] = 2 }, stale),
        ]));

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "new")).HasValue);
    }

    [Fact]
    public async Task SubmitTransactionAsync_101Actions_ThrowsBeforeIo()
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}")));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains("101", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_TwoPartitions_ThrowsBeforeIo()
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));

        Assert.Contains("partition", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_Empty_ThrowsBeforeIo()
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
    }
}
