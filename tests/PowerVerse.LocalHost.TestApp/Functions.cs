using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PowerVerse.LocalHost.TestApp;

/// <summary>The test app's triggers, declared as any Functions app declares them.</summary>
public sealed class Functions(Ledger ledger)
{
    [Function("Echo")]
    public static IActionResult Echo([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "echo/{id:int}")] HttpRequest request, int id) =>
        new OkObjectResult(new { id, query = request.Query["q"].ToString() });

    [Function("StartCredit")]
    public static async Task<IActionResult> StartCredit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "credits/{account}")] HttpRequest request, string account, [DurableClient] DurableTaskClient client)
    {
        var seconds = int.Parse(request.Query["timer"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CreditOrchestrator), seconds, new StartOrchestrationOptions(account));
        return new AcceptedResult($"/api/credits/{account}", new { account });
    }

    [Function("CreditStatus")]
    public static async Task<IActionResult> CreditStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credits/{account}")] HttpRequest request, string account, [DurableClient] DurableTaskClient client)
    {
        var instance = await client.GetInstanceAsync(account, getInputsAndOutputs: true);
        return instance is null ? new NotFoundResult() : new OkObjectResult(new { status = instance.RuntimeStatus.ToString(), output = instance.SerializedOutput });
    }

    [Function("Bonus")]
    public static async Task<IActionResult> Bonus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "credits/{account}/bonus/{amount:long}")] HttpRequest request, string account, long amount, [DurableClient] DurableTaskClient client)
    {
        await client.RaiseEventAsync(account, CreditOrchestrator.BonusEvent, amount);
        return new AcceptedResult();
    }

    [Function("Work")]
    public async Task Work([QueueTrigger("work-items", Connection = "AzureWebJobsStorage")] WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        await ledger.RecordAsync("work", item.Name);
        if (item.Fail)
        {
            throw new InvalidOperationException($"work item {item.Name} fails, as asked");
        }
    }

    [Function("Tick")]
    public Task Tick([TimerTrigger("*/2 * * * * *")] TimerInfo timer) => ledger.RecordAsync("tick", "tick");
}

public sealed record WorkItem(string Name, bool Fail);
