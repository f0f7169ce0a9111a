using Azure;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableClientTests
{
    private static readonly string[] NotFoundCodes = ["ResourceNotFound", "EntityNotFound"];

    internal static async Task<TableClient> CreateSutAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var client = new TableClient(azurite.ConnectionString, StorageNames.Table());
        await client.CreateIfNotExistsAsync();
        return client;
    }

    [Fact]
    public async Task AddEntityAsync_NewEntity_SetsETagAndCanBeRead()
    {
        var table = await CreateSutAsync();
        var entity = new TableEntity("p1", "r1") { ["Name"] = "alpha", ["Count"] = 3 };

        var response = await table.AddEntityAsync(entity);

        Assert.Equal(204, response.Status);
        Assert.NotEqual(default, entity.ETag);
        Assert.Equal(response.Headers.ETag, entity.ETag);
        var read = (await table.GetEntityAsync<TableEntity>("p1", "r1")).Value;
        Assert.Equal("alpha", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Count"));
        Assert.Equal(entity.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task AddEntityAsync_ExistingKeys_Throws409EntityAlreadyExists()
    {
        var table = await CreateSutAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledTwice_DoesNotThrowAndDeleteRemovesTable()
    {
        var table = await CreateSutAsync();
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await table.DeleteAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "r"));
        Assert.Equal(404, e.Status);
        await table.DeleteAsync(); // a missing table is not an error
    }

    [Fact]
    public async Task GetEntityAsync_Missing_Throws404WithCode()
    {
        var table = await CreateSutAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("nope", "nope"));

        Assert.Equal(404, e.Status);
        Assert.Contains(e.ErrorCode, NotFoundCodes);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_MissingThenPresent_ReportsHasValue()
    {
        var table = await CreateSutAsync();

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["X"] = "y" });
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.False(missing.HasValue);
        Assert.Equal(404, missing.GetRawResponse().Status);
        Assert.Throws<InvalidOperationException>(() => missing.Value);
        Assert.True(present.HasValue);
        Assert.Equal("y", present.Value!.GetString("X"));
    }

    [Fact]
    public async Task UpsertEntityAsync_MergeKeepsOtherProperties_ReplaceDropsThem()
    {
        var table = await CreateSutAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("a", merged.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
        Assert.Null(replaced.GetString("A"));
        Assert.Null(replaced.GetString("B"));
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task UpdateEntityAsync_StaleETag_Throws412AndCurrentETagSucceeds(TableUpdateMode mode)
    {
        var table = await CreateSutAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        entity["V"] = 2;
        await table.UpdateEntityAsync(entity, stale, mode);
        var afterFirst = entity.ETag;

        entity["V"] = 3;
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(entity, stale, mode));

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.NotEqual(stale, afterFirst);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
        await table.UpdateEntityAsync(entity, ETag.All, mode);
        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntityAsync_Missing_Throws404()
    {
        var table = await CreateSutAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));

        Assert.Equal(404, e.Status);
        Assert.Contains(e.ErrorCode, NotFoundCodes);
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_Throws412_CurrentDeletes_MissingIsNoError()
    {
        var table = await CreateSutAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        await table.AddEntityAsync(entity);
        var stale = entity.ETag;
        await table.UpsertEntityAsync(entity);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));
        var deleted = await table.DeleteEntityAsync("p", "r", entity.ETag);
        var again = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public async Task AddEntityAsync_InvalidKey_ThrowsBeforeIo(string key)
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>(key, "r"));
    }

    [Fact]
    public async Task AddEntityAsync_KeyOver1KiB_ThrowsBeforeIo()
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
    }

    [Fact]
    public async Task AddEntityAsync_KeyWithQuoteAndSpaces_RoundTrips()
    {
        var table = await CreateSutAsync();
        var entity = new TableEntity("o'brien & co", "row 'x' +%") { ["V"] = "ok" };

        await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync<TableEntity>("o'brien & co", "row 'x' +%");
        await table.DeleteEntityAsync("o'brien & co", "row 'x' +%", read.Value.ETag);

        Assert.Equal("ok", read.Value.GetString("V"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("o'brien & co", "row 'x' +%")).HasValue);
    }

    [Fact]
    public async Task GetEntityAsync_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await CreateSutAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var read = (await table.GetEntityAsync<TableEntity>("p", "r", ["A"])).Value;

        Assert.Equal("a", read.GetString("A"));
        Assert.False(read.ContainsKey("B"));
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task TableServiceClient_CreateGetAndDeleteTable_Work()
    {
        var azurite = await AzuriteServer.Shared;
        var service = new TableServiceClient(azurite.ConnectionString);
        var name = StorageNames.Table();

        await service.CreateTableIfNotExistsAsync(name);
        await service.CreateTableIfNotExistsAsync(name);
        var table = service.GetTableClient(name);
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await service.DeleteTableAsync(name);

        Assert.Equal(name, table.Name);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r2")));
        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("has-dash")]
    public void Constructor_InvalidTableName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => new TableClient(DeadEndpoint.ConnectionString(), name));
        Assert.Throws<ArgumentException>(() => new TableServiceClient(DeadEndpoint.ConnectionString()).GetTableClient(name));
    }
}
