using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.Contracts;
using Nethereum.Signer;
using PowerVerse.Client.Writes;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Well-formed bodies whose request is wrong before any contract runs: the route, the target, the calldata, the
/// signature, the deadline, the nonce or the device attestation.
/// </summary>
internal sealed partial class BadWriteGenerator
{
    // secp256k1's group order: s and n − s are both valid for ecrecover; EIP-2 (and OpenZeppelin's ECDSA) takes the low one only.
    private static readonly BigInteger CurveOrder = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private BadWrite WrongRoute()
    {
        var signedFor = AnyRoute();
        var posted = Pick(WriteRoutes.All.Where(r => r != signedFor).ToArray());
        var body = Signed(posted, ValidCall(signedFor), to: world.Manifest[ContractOf(signedFor)]);

        // The route's contract is checked first: a call of the same contract is the wrong action, of another the wrong contract.
        var slug = ContractOf(signedFor) == ContractOf(posted) ? "wrong-action" : "wrong-contract";
        return Write("wrong-route", $"{signedFor} posted to {posted}", posted, body, 422, slug);
    }

    private BadWrite Undecodable()
    {
        // Variant 5 cuts the last byte of a call the contract would accept: the forwarder appends 'from' (ERC-2771),
        // so a gate that does not check the calldata's length lets the target read a garbled last argument.
        var turn = Turn("undecodable", 6);
        var route = turn == 5 ? Pick([WriteRoutes.Resources, WriteRoutes.UsageRights, WriteRoutes.RevenueListings]) : AnyRoute();
        var (signer, valid) = ValidCall(route);
        var call = RequestForge.CallData(valid);

        // Registering hardware ends in its attestation's bytes: cut into them, not only into their padding.
        var cut = route == WriteRoutes.Hardware ? random.Next(40, 64) : random.Next(1, 32);
        var (variant, data) = turn switch
        {
            0 => ("selector only", call[..4]),
            1 => ($"arguments {cut} bytes short", call[..^cut]),
            2 => ("no calldata", []),
            3 => ("3 bytes", call[..3]),
            4 => ("unknown selector", [.. RandomBytes(4), .. call[4..]]),
            _ => ("last argument 1 byte short", call[..^1]),
        };
        var request = world.Forge.Sign(signer, Address(signer), world.Manifest[ContractOf(route)], data, world.NonceOf(signer));
        return Write("undecodable-calldata", variant, route, RequestForge.Body(request), 422, "wrong-action");
    }

    private BadWrite ForeignTarget()
    {
        var route = AnyRoute();
        var ours = world.Manifest.Contracts.Where(c => c.Key != ContractOf(route) && c.Key != "PowerForwarder").ToArray();
        var other = Pick(ours);
        var (variant, to) = Turn("foreign", 3) switch
        {
            0 => ("a random address", "0x" + Convert.ToHexStringLower(RandomBytes(20))),
            1 => ("the forwarder", world.Manifest["PowerForwarder"]),
            _ => ($"our {other.Key}", other.Value),
        };
        return Write("foreign-target", variant, route, Signed(route, ValidCall(route), to: to), 422, "wrong-contract");
    }

    private BadWrite BadSignature()
    {
        var route = AnyRoute();
        var body = Signed(route, ValidCall(route));
        var signature = Convert.FromHexString(body["signature"]!.GetValue<string>()[2..]);
        var (variant, bad) = Turn("signature", 11) switch
        {
            0 => ("random 65 bytes", RandomBytes(65)),
            1 => ("random r and s", [.. RandomBytes(64), (byte)(27 + random.Next(2))]),
            2 => ("64 bytes", signature[..64]),
            3 => ("empty", []),
            4 => ("1 byte", signature[..1]),
            5 => ("a bit of r or s flipped", Flipped(signature, random.Next(64 * 8))),
            6 => ("v 27 and 28 swapped", [.. signature[..64], (byte)(signature[64] == 27 ? 28 : 27)]),
            7 => ("v as 0 or 1", [.. signature[..64], (byte)(signature[64] - 27)]),
            8 => ("the high-s twin", HighS(signature)),
            9 => ("66 bytes", [.. signature, 0]),
            _ => ("65 zero bytes", new byte[65]),
        };
        body["signature"] = RequestForge.Hex(bad);
        return Write("bad-signature", variant, route, body, 422, "invalid-signature");
    }

    private BadWrite SomeoneElsesSignature()
    {
        var route = AnyRoute();
        var (from, call) = ValidCall(route);
        var by = random.Next(4) == 0 ? EthECKey.GenerateKey() : Pick(world.Signers.Where(s => s != from).ToArray());
        var atTheirs = random.Next(2) == 0 && world.Nonces.ContainsKey(BadInputWorld.Address(by));
        var body = Signed(route, from, call, nonce: atTheirs ? world.NonceOf(by) : world.NonceOf(from), by: by);
        return Write("someone-elses-signature", atTheirs ? "at the signer's nonce" : "at from's nonce", route, body, 422, "invalid-signature");
    }

    private BadWrite Expired()
    {
        var route = AnyRoute();
        var now = world.Forge.ValidDeadline - 3_600;
        var (variant, deadline) = Turn("expired", 4) switch
        {
            0 => ("deadline 0", 0UL),
            1 => ("deadline 1", 1UL),
            _ => ("deadline past", now - (ulong)random.Next(1, 30 * 86_400)),
        };
        return Write("expired-deadline", variant, route, Signed(route, ValidCall(route), deadline: deadline), 422, "request-expired");
    }

    private BadWrite ReplayedNonce()
    {
        // Every valid signer has written before (the provider also on the forwarder itself); the investor's claim reverts, so not that one.
        var route = Pick(WriteRoutes.All.Where(r => r != WriteRoutes.RevenueClaims).ToArray());
        var (signer, call) = ValidCall(route);
        var direct = signer == world.Provider && random.Next(3) == 0;
        var nonce = direct ? world.DirectNonce : new BigInteger(random.NextInt64(0, (long)world.NonceOf(signer)));
        var variant = direct ? "nonce of the provider's own execute" : $"nonce {nonce} of an earlier write";
        return Write("replayed-nonce", variant, route, Signed(route, signer, call, nonce: nonce), 409, "nonce-used");
    }

    private BadWrite InvalidAttestation()
    {
        var call = Register(world.FreshDevice);
        var from = world.Provider;
        string variant;
        switch (Turn("attestation", 7))
        {
            case 0:
                (variant, from) = ("attested for another owner", AnyOf(world.Stranger, world.Investor, world.Approved));
                break;
            case 1:
                (variant, call.Agent) = ("another agent", "0x" + Convert.ToHexStringLower(RandomBytes(20)));
                break;
            case 2:
                (variant, call.Attestation) = ("a bit flipped", Flipped(call.Attestation, random.Next(64 * 8)));
                break;
            case 3:
                (variant, call.Attestation) = ("random 65 bytes", RandomBytes(65));
                break;
            case 4:
                (variant, call.Attestation) = ("64 bytes", call.Attestation[..64]);
                break;
            case 5:
                (variant, call.DeviceHash) = ("another device", RandomBytes(32));
                break;
            default:
                (variant, call.Agent) = ("zero agent", "0x0000000000000000000000000000000000000000");
                break;
        }

        return Write("invalid-attestation", variant, WriteRoutes.Hardware, Signed(WriteRoutes.Hardware, from, call), 422, "invalid-attestation");
    }

    private static byte[] Flipped(byte[] bytes, int bit)
    {
        var copy = bytes.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] HighS(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = signature.ToArray();
        Array.Clear(result, 32, 32);
        twin.CopyTo(result, 64 - twin.Length);
        result[64] = (byte)(signature[64] == 27 ? 28 : 27);
        return result;
    }
}
