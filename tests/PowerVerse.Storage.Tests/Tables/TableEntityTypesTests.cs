using PowerVerse.Storage.Tables;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableEntityTypesTests
{
    private static readonly DateTimeOffset Precise = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5358979);

    [Fact]
    public async Task GetEntityAsync_EveryEdmType_RoundTripsExactly()
    {
        var table = await TableClientTests.CreateSutAsync();
        var guid = Guid.NewGuid();
        byte[] bytes = [0, 1, 2, 254, 255];
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "héllo \"quoted\" 'single'",
            ["Int"] = int.MinValue,
            ["Long"] = (1L << 53) + 1,
            ["Max"] = long.MaxValue,
            ["Double"] = 0.1 + 0.2,
            ["Whole"] = 2.0,
            ["Flag"] = true,
            ["When"] = Precise,
            ["Local"] = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)),
            ["Id"] = guid,
            ["Bytes"] = bytes,
            ["Data"] = new BinaryData(bytes),
        };

        await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("héllo \"quoted\" 'single'", read.GetString("Text"));
        Assert.Equal(int.MinValue, read.GetInt32("Int"));
        Assert.Equal((1L << 53) + 1, read.GetInt64("Long"));
        Assert.IsType<long>(read["Long"]);
        Assert.Equal(long.MaxValue, read.GetInt64("Max"));
        Assert.Equal(0.1 + 0.2, read.GetDouble("Double"));
        Assert.Equal(2.0, read.GetDouble("Whole"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(Precise, read.GetDateTimeOffset("When"));
        Assert.Equal(Precise.Ticks % TimeSpan.TicksPerSecond, read.GetDateTimeOffset("When")!.Value.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), read.GetDateTimeOffset("Local"));
        Assert.Equal(guid, read.GetGuid("Id"));
        Assert.Equal(bytes, read.GetBinary("Bytes"));
        Assert.Equal(bytes, read.GetBinary("Data"));
        Assert.Null(read.GetString("Absent"));
        Assert.Null(read.GetInt64("Absent"));
    }

    [Fact]
    public async Task GetEntityAsync_Poco_RoundTripsEveryMappedProperty()
    {
        var table = await TableClientTests.CreateSutAsync();
        var poco = new SamplePoco
        {
            PartitionKey = "gpu",
            RowKey = "0001",
            Model = "H200",
            MemoryMiB = 141_312,
            Wei = 1_000_000_000_000_000_001,
            Score = 97.25,
            Online = true,
            ListedAt = Precise,
            SeenAt = Precise.UtcDateTime,
            Owner = Guid.NewGuid(),
            Hash = [0xde, 0xad, 0xbe, 0xef],
            Blob = new BinaryData("blob"u8.ToArray()),
            Kind = SampleKind.Inference,
            Optional = null,
        };

        await table.AddEntityAsync(poco);
        var read = (await table.GetEntityAsync<SamplePoco>("gpu", "0001")).Value;

        Assert.Equal(poco.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal(("H200", 141_312, 1_000_000_000_000_000_001L), (read.Model, read.MemoryMiB, read.Wei));
        Assert.Equal(97.25, read.Score);
        Assert.True(read.Online);
        Assert.Equal(Precise, read.ListedAt);
        Assert.Equal(Precise.UtcDateTime, read.SeenAt);
        Assert.Equal(DateTimeKind.Utc, read.SeenAt.Kind);
        Assert.Equal(poco.Owner, read.Owner);
        Assert.Equal(poco.Hash, read.Hash);
        Assert.Equal("blob", read.Blob!.ToString());
        Assert.Equal(SampleKind.Inference, read.Kind);
        Assert.Null(read.Optional);
        Assert.Equal("not stored", read.Ignored);
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedPropertyType_ThrowsArgumentExceptionBeforeIo()
    {
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Price"] = 1.5m }));

        Assert.Contains("Price", e.Message, StringComparison.Ordinal);
    }

    public enum SampleKind
    {
        Training,
        Inference,
    }

    public sealed class SamplePoco : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public Azure.ETag ETag { get; set; }

        public string? Model { get; set; }

        public int MemoryMiB { get; set; }

        public long Wei { get; set; }

        public double Score { get; set; }

        public bool Online { get; set; }

        public DateTimeOffset ListedAt { get; set; }

        public DateTime SeenAt { get; set; }

        public Guid Owner { get; set; }

        public byte[]? Hash { get; set; }

        public BinaryData? Blob { get; set; }

        public SampleKind Kind { get; set; }

        public int? Optional { get; set; }

        /// <summary>Read-only: not mapped.</summary>
        public string Ignored { get; } = "not stored";
    }
}
