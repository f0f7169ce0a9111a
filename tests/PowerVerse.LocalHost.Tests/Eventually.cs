namespace PowerVerse.LocalHost.Tests;

/// <summary>Polls a condition that a separate process brings about.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task ReachedAsync(Func<Task<bool>> condition, LocalHostProcess? host = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {Patience}. The host's last output:\n{host?.OutputTail}");
            }

            await Task.Delay(200);
        }
    }
}
