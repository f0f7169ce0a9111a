using Azure;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableClientTests
{
    private static async Task<TableClient> CreateSutAsync()
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
        var read = (await table.GetEntityAsync<TableEntity>("p1", "r1")).Value;
        Assert.Equal("alpha", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Count"));
        Assert.Equal(entity.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }
}
