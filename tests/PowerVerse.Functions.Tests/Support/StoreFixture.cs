using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.Support;

/// <summary>A read model on its own Azurite, its tables created, with a writer and the clock the tests set.</summary>
public class StoreFixture : IAsyncLifetime
{
    private AzuriteServer? _azurite;

    public AzuriteServer Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    internal ReadModelTables Tables { get; private set; } = null!;

    internal ReadModelWriter Writer { get; private set; } = null!;

    internal FixedTime Time { get; } = new(DateTimeOffset.Parse("2026-11-29T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public virtual async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        Tables = new ReadModelTables(new TableServiceClient(Azurite.ConnectionString));
        Writer = new ReadModelWriter(Tables, Time);
        await Writer.EnsureTablesAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
