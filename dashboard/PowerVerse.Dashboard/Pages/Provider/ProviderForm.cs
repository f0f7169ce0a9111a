using Microsoft.AspNetCore.Components;
using PowerVerse.Dashboard.Services;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Pages.ProviderFlow;

/// <summary>
/// One step of the provider's flow (seed 000 scenario 1 and 2): a form whose write is signed in the wallet and
/// followed on the page; when it finishes the page reloads the account, whose holdings feed the next step's choices.
/// </summary>
public abstract class ProviderForm : ComponentBase
{
    [Parameter, EditorRequired] public AccountView Account { get; set; } = default!;

    [Parameter] public IReadOnlyList<GpuModelView> Gpus { get; set; } = [];

    /// <summary>Raised when a write has finished: the account's holdings may have changed.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [CascadingParameter] protected ChainView ChainView { get; set; } = default!;

    [Inject] protected DashboardApi Api { get; set; } = default!;

    [Inject] protected Writer Writer { get; set; } = default!;

    [Inject] protected Wallet Wallet { get; set; } = default!;

    protected bool Busy { get; private set; }

    protected string? Error { get; set; }

    /// <summary>The workflow of the latest write, followed by a <c>WorkflowProgress</c> keyed on it.</summary>
    protected string? WorkflowId { get; private set; }

    /// <summary>The token ids the account holds of a kind (<c>hid</c>, <c>vid</c>, <c>uid</c>), newest first.</summary>
    protected IReadOnlyList<string> Held(string kind) =>
        [.. Account.Holdings.Where(h => h.Kind == kind).Select(h => h.TokenId)
            .OrderByDescending(id => id.Length).ThenByDescending(id => id, StringComparer.Ordinal)];

    /// <summary>Signs and posts a write; its workflow is then followed on the page.</summary>
    protected Task SendAsync(string route, string contract, Func<string> calldata) => RunAsync(async () =>
    {
        WorkflowId = null;
        WorkflowId = (await Writer.SendAsync(route, contract, calldata())).Id;
    });

    /// <summary>Runs a step, showing its problem in plain words.</summary>
    protected async Task RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        (Busy, Error) = (true, null);
        try
        {
            await action();
        }
        catch (Exception e) when (e is WalletException or ApiProblemException or HttpRequestException or FormatException
            or OverflowException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException or IOException)
        {
            Error = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>A finished write: its event's argument <paramref name="name"/> when it completed, then the page reloads.</summary>
    protected async Task<string?> FinishedAsync(WorkflowView workflow, string name)
    {
        await Changed.InvokeAsync();
        return workflow?.Status == "Completed" ? WorkflowOutput.Argument(workflow, name) : null;
    }
}
