using System.Text;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// Posts signed writes and follows their workflows as a client does; a write that is refused or whose workflow does
/// not complete fails the test with what was sent, what came back, the workflow and the tail of the hosts' logs.
/// </summary>
public sealed class WriteRunner(LocalStack stack, ITestOutputHelper output)
{
    public static readonly TimeSpan WorkflowTimeout = TimeSpan.FromSeconds(180);

    /// <summary>Posts the write (202 with its own id and location) and waits for its workflow to complete; returns its output.</summary>
    public async Task<WorkflowOutput> CompleteAsync(PreparedWrite write, PowerVerseApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        api ??= stack.Api;
        var answer = await api.PostAsync(write);
        if (!answer.IsAccepted)
        {
            throw Failure($"POST {write.Route} was refused: {answer.Problem}", write);
        }

        Assert.Equal(write.Id, answer.Id);
        Assert.Equal($"/api/workflows/{write.Id}", answer.Location);
        var steps = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Workflow workflow;
        try
        {
            workflow = await api.WaitForWorkflowAsync(write.Id, WorkflowTimeout, w => steps.Add($"{w.Status}/{w.CurrentStep}"));
        }
        catch (TimeoutException e)
        {
            throw Failure(e.Message, write, await RawWorkflowAsync(api, write.Id));
        }

        output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {workflow.Name} {write.Id} in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(" → ", steps)}");
        if (!workflow.IsCompleted || workflow.Result is not { } result)
        {
            throw Failure($"Workflow {workflow.Name} ended {workflow.Status}: {workflow.Failure?.ErrorType}: {workflow.Failure?.ErrorMessage}", write, await RawWorkflowAsync(api, write.Id));
        }

        output.WriteLine($"  {result}");
        return result;
    }

    /// <summary>Posts a write the API must refuse; returns the problem.</summary>
    public async Task<ApiProblem> RefusedAsync(PreparedWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var answer = await stack.Api.PostAsync(write);
        return answer.Problem ?? throw Failure($"POST {write.Route} was accepted ({answer.Id}) but must be refused.", write);
    }

    private static async Task<string> RawWorkflowAsync(PowerVerseApi api, string id)
    {
        var response = await api.GetAsync("/api/workflows/" + id);
        return response.Body?.GetRawText() ?? response.Problem?.ToString() ?? string.Empty;
    }

    private XunitException Failure(string what, PreparedWrite write, string? workflow = null)
    {
        var text = new StringBuilder(what)
            .Append("\nrequest: POST ").Append(write.Route).Append(' ').AppendLine(write.Body.ToJson());
        if (workflow is not null)
        {
            text.Append("workflow: ").AppendLine(workflow);
        }

        text.AppendLine(stack.Logs());
        return new XunitException(text.ToString());
    }
}
