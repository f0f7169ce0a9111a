using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_GivesAzuriteDefaults()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(AzuriteServer.AccountName, cs.AccountName);
        Assert.Equal(AzuriteServer.AccountKey, cs.AccountKey);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
        Assert.Null(cs.Sas);
    }

    [Fact]
    public void Parse_DevelopmentStorageProxyUri_UsesProxyHost()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://ipv4.fiddler");

        Assert.Equal(new Uri("http://ipv4.fiddler:10002/devstoreaccount1"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://ipv4.fiddler:10001/devstoreaccount1"), cs.QueueEndpoint);
    }

    [Fact]
    public void Parse_AccountKeyAndSuffix_DerivesEndpoints()
    {
        var cs = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=pvstore;AccountKey={AzuriteServer.AccountKey};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("pvstore", cs.AccountName);
        Assert.Equal(new Uri("https://pvstore.table.core.chinacloudapi.cn"), cs.TableEndpoint);
        Assert.Equal(new Uri("https://pvstore.queue.core.chinacloudapi.cn"), cs.QueueEndpoint);
    }

    [Fact]
    public void Parse_DefaultSuffixAndCaseInsensitiveNames_DerivesCoreWindowsNet()
    {
        var cs = StorageConnectionString.Parse($"accountname=pvstore;accountkey={AzuriteServer.AccountKey};");

        Assert.Equal(new Uri("https://pvstore.table.core.windows.net"), cs.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpointsWithSas_KeepsSasWithoutQuestionMark()
    {
        var cs = StorageConnectionString.Parse(
            "TableEndpoint=https://t.example/acct/;QueueEndpoint=https://q.example/acct;SharedAccessSignature=?sv=2024-08-04&sig=abc%3D");

        Assert.Equal("acct", cs.AccountName);
        Assert.Null(cs.AccountKey);
        Assert.Equal("sv=2024-08-04&sig=abc%3D", cs.Sas);
        Assert.Equal(new Uri("https://t.example/acct"), cs.TableEndpoint);
        Assert.Equal(new Uri("https://q.example/acct"), cs.QueueEndpoint);
    }

    [Fact]
    public void Parse_SasWithAccountStyleEndpoints_ReadsAccountFromHost()
    {
        var cs = StorageConnectionString.Parse(
            "TableEndpoint=https://pvstore.table.core.windows.net;QueueEndpoint=https://pvstore.queue.core.windows.net;SharedAccessSignature=sv=1&sig=x");

        Assert.Equal("pvstore", cs.AccountName);
        Assert.Equal("sv=1&sig=x", cs.Sas);
    }

    [Fact]
    public void Parse_SasForTablesOnly_HasNoQueueEndpoint()
    {
        var cs = StorageConnectionString.Parse("TableEndpoint=https://pvstore.table.core.windows.net;SharedAccessSignature=sv=1&sig=x");

        Assert.Equal(new Uri("https://pvstore.table.core.windows.net"), cs.TableEndpoint);
        var e = Assert.Throws<InvalidOperationException>(() => cs.QueueEndpoint);
        Assert.Contains("QueueEndpoint", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new QueueServiceClient(
            "TableEndpoint=https://pvstore.table.core.windows.net;SharedAccessSignature=sv=1&sig=x"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("AccountName=a;AccountKey", "'AccountKey' is not of the form Name=Value")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=a;AccountKey=AAAA", "DefaultEndpointsProtocol 'ftp' is unknown")]
    [InlineData("AccountKey=AAAA", "AccountKey is given without AccountName")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=a", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountName=a;AccountKey=not*base64", "AccountKey is not valid base64")]
    [InlineData("AccountName=a;AccountKey=AAAA;TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("UseDevelopmentStorage=yes", "UseDevelopmentStorage must be 'true'")]
    [InlineData("SharedAccessSignature=sv=1&sig=x", "AccountName is missing")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheProblem(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.False(StorageConnectionString.TryParse(text, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Parse_MalformedKey_DoesNotEchoTheWholeKey()
    {
        var secret = "SECRET" + new string('x', 60) + "*";

        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=a;AccountKey={secret}"));

        Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientConstructors_MalformedConnectionString_ThrowFormatExceptionBeforeAnyIo()
    {
        // The endpoints name a loopback port nothing listens on: had a request been sent, the failure
        // would be a connection error (RequestFailedException / HttpRequestException), not FormatException.
        var bad = DeadEndpoint.ConnectionString(key: "not base64 at all!");

        Assert.Throws<FormatException>(() => new TableClient(bad, "table1"));
        Assert.Throws<FormatException>(() => new TableServiceClient(bad));
        Assert.Throws<FormatException>(() => new QueueClient(bad, "jobs"));
        Assert.Throws<FormatException>(() => new QueueServiceClient(bad));
    }

    [Fact]
    public async Task DeadEndpoint_WellFormedConnectionString_FailsWithConnectionErrorNotFormatException()
    {
        // The control for the test above: the same dead port with a valid string does reach the network.
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0;
        var table = new TableClient(DeadEndpoint.ConnectionString(), "table1", options);

        var e = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(0, e.Status);
    }
}
