using PowerVerse.Storage.Tables;

namespace PowerVerse.Storage.Tests.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_EachLiteralKind_FormatsAsOData()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);

        var filter = TableClient.CreateQueryFilter(
            $"S eq {"it's"} and L eq {42L} and I eq {7} and D eq {2.0} and E eq {1.5} and B eq {true} and G eq {id} and T lt {when} and X eq {new byte[] { 0x0a, 0xff }} and N eq {null}");

        Assert.Equal(
            "S eq 'it''s' and L eq 42L and I eq 7 and D eq 2.0 and E eq 1.5 and B eq true and G eq guid'6f9619ff-8b86-d011-b42d-00c04fc964ff'"
            + " and T lt datetime'2026-01-02T01:04:05.1234567Z' and X eq X'0aff' and N eq null",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_InjectionAttempt_StaysInsideTheLiteral()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"x' or 'a' eq 'a"}");

        Assert.Equal("PartitionKey eq 'x'' or ''a'' eq ''a'", filter);
    }

    [Fact]
    public void CreateQueryFilter_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"P eq {new object()}"));
    }
}
