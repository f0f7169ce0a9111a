using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tests.Http;

/// <summary>The two string-to-sign layouts of "Authorize with Shared Key" (version 2009-09-19 and later).</summary>
public sealed class SharedKeyPolicyTests
{
    private const string Date = "Fri, 26 Jun 2015 23:39:12 GMT";

    [Fact]
    public void TableStringToSign_IsVerbMd5TypeDateAndResourceWithComp()
    {
        var request = CreateRequest(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables?comp=acl&$top=5");
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("x-ms-version", "2019-02-02");

        var toSign = Policy(StorageService.Table).TableStringToSign(request);

        Assert.Equal($"GET\n\napplication/json\n{Date}\n/acct/devstoreaccount1/Tables?comp=acl", toSign);
    }

    [Fact]
    public void QueueStringToSign_HasTwelveStandardLinesSortedMsHeadersAndSortedQuery()
    {
        var request = CreateRequest(RequestMethod.Post, "https://acct.queue.core.windows.net/jobs/messages?visibilitytimeout=5&messagettl=-1&b=x%20y");
        request.Headers.SetValue("x-ms-version", "2024-08-04");
        request.Headers.SetValue("X-MS-Client-Request-Id", " id-1 ");
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create("<QueueMessage/>"u8.ToArray());

        var toSign = Policy(StorageService.Queue).QueueStringToSign(request);

        Assert.Equal(
            "POST\n\n\n15\n\napplication/xml\n\n\n\n\n\n\n"
            + "x-ms-client-request-id:id-1\n"
            + $"x-ms-date:{Date}\n"
            + "x-ms-version:2024-08-04\n"
            + "/acct/jobs/messages\nb:x y\nmessagettl:-1\nvisibilitytimeout:5",
            toSign);
    }

    [Fact]
    public void QueueStringToSign_EmptyBody_LeavesContentLengthEmpty()
    {
        var request = CreateRequest(RequestMethod.Get, "https://acct.queue.core.windows.net/jobs?comp=metadata");

        var toSign = Policy(StorageService.Queue).QueueStringToSign(request);

        Assert.StartsWith("GET\n\n\n\n\n\n\n\n\n\n\n\n", toSign, StringComparison.Ordinal);
        Assert.EndsWith("/acct/jobs\ncomp:metadata", toSign, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSendingRequest_SetsSharedKeyAuthorizationHeader()
    {
        var message = new HttpMessage(CreateRequest(RequestMethod.Get, "https://acct.queue.core.windows.net/jobs"), new ResponseClassifier());

        Policy(StorageService.Queue).OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var auth));
        Assert.Matches("^SharedKey acct:[A-Za-z0-9+/]{43}=$", auth);
    }

    private static SharedKeyPolicy Policy(StorageService service) => new(service, "acct", Convert.ToBase64String(new byte[32]));

    private static Request CreateRequest(RequestMethod method, string uri)
    {
        var request = new HttpClientTransport().CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        request.Headers.SetValue("x-ms-date", Date);
        return request;
    }
}
