using System.Numerics;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Dashboard.Services;

namespace PowerVerse.Dashboard.Tests.Services;

/// <summary>The dashboard encodes each call by its signature; the chain layer by its messages: the bytes must agree.</summary>
public sealed class CallsTests
{
    private const string Alice = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    private const string Bob = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
    private const string Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
    private static readonly BigInteger Big = BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string> Pairs() => new()
    {
        { Calls.RegisterHardware(6, Bytes(32, 7), Alice, 32, 131_072, Bytes(65, 9)),
          Of(new RegisterHardwareFunction { GpuModel = 6, DeviceHash = Bytes(32, 7), Agent = Alice, Vcpus = 32, MemoryMiB = 131_072, Attestation = Bytes(65, 9) }) },
        { Calls.CreateResource(2, 5000, 16, 65_536, 500), Of(new CreateResourceFunction { Hid = 2, GpuShareBps = 5000, Vcpus = 16, MemoryMiB = 65_536, DiskGiB = 500 }) },
        { Calls.CreateUsageRight(3, 3600), Of(new CreateUsageRightFunction { Vid = 3, Duration = 3600 }) },
        { Calls.List(3, Token, Big), Of(new ListFunction { Uid = 3, Token = Token, Price = Big }) },
        { Calls.ListWithRevenueRights(3, Token, 10, [(Alice, 600), (Bob, 400)]),
          Of(new ListWithRevenueRightsFunction { Uid = 3, Token = Token, Price = 10, Beneficiaries = [Alice, Bob], Shares = [600, 400] }) },
        { Calls.Buy(3, Token, Big), Of(new BuyFunction { Uid = 3, Token = Token, Price = Big }) },
        { Calls.ClaimIncome(3, Token), Of(new ClaimIncomeFunction { Vid = 3, Token = Token }) },
        { Calls.ListShares(3, 400, Token, 50), Of(new ListSharesFunction { Vid = 3, Amount = 400, Token = Token, UnitPrice = 50 }) },
        { Calls.BuyShares(1, 150, Token, 50), Of(new BuySharesFunction { ListingId = 1, Amount = 150, Token = Token, UnitPrice = 50 }) },
        { Calls.RequestChallenge(3), Of(new RequestChallengeFunction { Vid = 3 }) },
        { Calls.Approve(Bob, Big), Of(new ApproveFunction { Spender = Bob, Value = Big }) },
        { Calls.Stake(2, Big), Of(new StakeFunction { Hid = 2, Amount = Big }) },
        { Calls.MinStake(1), Of(new MinStakeFunction { ComputeType = 1 }) },
        { Calls.Nonces(Alice), Of(new NoncesFunction { Owner = Alice }) },
        { Calls.ClaimDividend(4, Alice, Big, ["0x" + new string('a', 64), "0x" + new string('b', 64)]),
          Of(new ClaimDividendFunction { Epoch = 4, Account = Alice, Amount = Big, Proof = [Bytes32('a'), Bytes32('b')] }) },
        { Calls.Eip712Domain(), Of(new Eip712DomainFunction()) },
        { Calls.Allowance(Alice, Bob), Of(new AllowanceFunction { Owner = Alice, Spender = Bob }) },
        { Calls.Claimable(3, Token, Alice), Of(new ClaimableFunction { Vid = 3, Token = Token, Account = Alice }) },
        { Calls.BalanceOf(Alice), Of(new TokenBalanceOfFunction { Account = Alice }) },
        { Calls.IsStaked(2), Of(new IsStakedFunction { Hid = 2 }) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Encode_EachCall_SameBytesAsTheChainLayer(string dashboard, string chain) =>
        Assert.Equal(chain, dashboard, ignoreCase: true);

    private static string Of<TMessage>(TMessage message) where TMessage : FunctionMessage => "0x" + Convert.ToHexStringLower(message.GetCallData());

    private static byte[] Bytes32(char digit) => Convert.FromHexString(new string(digit, 64));

    private static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed + i))];
}

/// <summary>
/// ProviderStaking's <c>isStaked(hid)</c>, which only the dashboard reads (the chain layer has no message for it): declared
/// here as Nethereum declares a call, from the contract's signature.
/// </summary>
[Nethereum.ABI.FunctionEncoding.Attributes.Function("isStaked", "bool")]
public sealed class IsStakedFunction : FunctionMessage
{
    [Nethereum.ABI.FunctionEncoding.Attributes.Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }
}
