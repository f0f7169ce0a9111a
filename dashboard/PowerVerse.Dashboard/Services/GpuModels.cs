using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The DAO's GPU models (<c>GET /api/gpus</c>), read once for every page that names a GPU (again after a failed read).
/// The DAO page reads its own: it shows the DAO's lists as they are now.
/// </summary>
public sealed class GpuModels(DashboardApi api)
{
    private readonly SharedRead<IReadOnlyList<GpuModelView>> _models =
        new(async () => (await api.GetAsync<ItemsView<GpuModelView>>("gpus")).Items);

    public Task<IReadOnlyList<GpuModelView>> GetAsync() => _models.GetAsync();

    /// <summary>The model's name in <paramref name="models"/>, or "GPU model 7" where they do not have it (or are not read yet).</summary>
    public static string Name(IReadOnlyList<GpuModelView> models, long model)
    {
        ArgumentNullException.ThrowIfNull(models);
        return models.FirstOrDefault(g => g.GpuModel == model)?.Name ?? $"GPU model {model}";
    }
}
