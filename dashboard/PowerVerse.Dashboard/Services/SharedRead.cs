namespace PowerVerse.Dashboard.Services;

/// <summary>
/// A read the whole session shares: asked once, its answer kept for every later caller. A read that failed or was
/// canceled is not kept: the next caller asks again, rather than every page getting that failure until a reload.
/// </summary>
internal sealed class SharedRead<T>(Func<Task<T>> read)
{
    private Task<T>? _read;

    // Takes no caller's cancellation token: one page going away must not cancel the read the others wait on.
    public Task<T> GetAsync() => _read is { IsFaulted: false, IsCanceled: false } kept ? kept : _read = read();
}
