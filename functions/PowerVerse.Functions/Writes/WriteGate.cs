using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using PowerVerse.Chain.Attestation;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Chain.Rpc;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.Orchestrations.Relaying;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// Admits a signed write (DESIGN §4) or says exactly why not, before anything starts: the call is the route's on the
/// route's contract; the signature recovers to <c>from</c> at the signer's current forwarder nonce; the deadline is
/// ahead; a hardware registration's device attestation is the agent's; an <c>eth_call</c> of the call as the forwarder
/// would make it succeeds. Then the workflow starts, its instance id the request's EIP-712 hash, so the same request
/// again — concurrently, or after it ran — finds the same workflow and starts nothing.
/// </summary>
public sealed class WriteGate(WriteChain chain, RelayOptions options)
{
    /// <summary>How many nonces back a request is looked for when it does not recover at the current one (a repost of a write that already ran).</summary>
    public const int NonceLookBack = 32;

    public async Task<string> AdmitAsync(WriteAction action, ForwardRequestData request, string? sshPublicKey, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        var call = CheckRoute(action, request);
        try
        {
            var domain = await chain.DomainAsync();
            var current = await chain.NonceAsync(request.From);
            var (id, nonce) = Identify(request, current, domain);
            if (await ExistsAsync(workflows, id, cancellationToken))
            {
                return id;
            }

            if (nonce != current)
            {
                throw new ApiProblemException(Problems.NonceUsed,
                    $"The request was signed at forwarder nonce {nonce}, which {request.From} has already used; sign it again at nonce {current}.");
            }

            var now = await chain.NowAsync();
            if ((ulong)now.ToUnixTimeSeconds() > request.Deadline)
            {
                throw new ApiProblemException(Problems.RequestExpired,
                    $"The request's deadline {DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(request.Deadline, 253402300799)):yyyy-MM-ddTHH:mm:ssZ} is past (now {now:yyyy-MM-ddTHH:mm:ssZ}).");
            }

            if (call is RegisterHardwareFunction registration)
            {
                CheckAttestation(registration, request.From, domain.ChainId ?? chain.Manifest.ChainId, request.To);
            }

            await SimulateAsync(request);
            await StartAsync(workflows, WriteRequest.Of(action, id, request, nonce, sshPublicKey, options.GrantTimeout), cancellationToken);
            return id;
        }
        catch (Exception ex) when (ChainRpc.IsTransportFault(ex))
        {
            throw new ApiProblemException(Problems.ChainUnavailable, "The chain's node cannot be reached; try again shortly.");
        }
    }

    /// <summary>The request's calldata, decoded: <c>to</c> is the route's contract and the selector one of its functions.</summary>
    private FunctionMessage CheckRoute(WriteAction action, ForwardRequestData request)
    {
        var expected = chain.Manifest[action.Contract];
        if (!request.To.IsTheSameAddress(expected))
        {
            var named = chain.ContractAt(request.To);
            throw new ApiProblemException(Problems.WrongContract, named is null
                ? $"'to' {request.To} is not a PowerVerse contract; this route calls {action.Contract} at {expected}."
                : $"'to' is {named}; this route calls {action.Contract} at {expected}.");
        }

        try
        {
            return action.Decode(request.Data) ?? throw new ApiProblemException(Problems.WrongAction,
                $"The calldata's selector {(request.Data.Length >= 4 ? request.Data[..4].ToHex(prefix: true) : "(none)")} is not this route's: it takes {string.Join(" or ", action.Functions.Select(f => f.Message.Name.Replace("Function", string.Empty, StringComparison.Ordinal)))}.");
        }
        catch (FormatException ex)
        {
            throw new ApiProblemException(Problems.WrongAction, ex.Message);
        }
    }

    /// <summary>
    /// The request's id and the nonce it was signed at: the current nonce, or — for a write posted again after it ran —
    /// a recent earlier one. A signature that recovers to <c>from</c> at none of them is someone else's or no signature.
    /// </summary>
    private static (string Id, BigInteger Nonce) Identify(ForwardRequestData request, BigInteger current, Eip712Domain domain)
    {
        for (var nonce = current; nonce >= 0 && current - nonce <= NonceLookBack; nonce--)
        {
            string signer;
            try
            {
                signer = ForwardRequestSigner.RecoverSigner(request, nonce, domain);
            }
            catch (InvalidForwardRequestException ex)
            {
                throw new ApiProblemException(Problems.InvalidSignature, ex.Message);
            }

            if (signer.IsTheSameAddress(request.From))
            {
                return (ForwardRequestSigner.Hash(request.ToRequest(nonce), domain).ToHex(prefix: true), nonce);
            }
        }

        throw new ApiProblemException(Problems.InvalidSignature,
            $"The signature is not {request.From}'s over this request at its forwarder nonce {current.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static void CheckAttestation(RegisterHardwareFunction registration, string owner, BigInteger chainId, string hardwareRegistry)
    {
        string signer;
        try
        {
            signer = DeviceAttestation.RecoverAgent(chainId, hardwareRegistry, registration.DeviceHash, owner, registration.Attestation);
        }
        catch (InvalidAttestationException ex)
        {
            throw new ApiProblemException(Problems.InvalidAttestation, ex.Message);
        }

        if (!signer.IsTheSameAddress(registration.Agent))
        {
            throw new ApiProblemException(Problems.InvalidAttestation,
                $"The device attestation is signed by {signer}, not by the agent {registration.Agent} it registers, for owner {owner}.");
        }
    }

    private async Task SimulateAsync(ForwardRequestData request)
    {
        try
        {
            await chain.Forwarder.SimulateAsync(request);
        }
        catch (ContractRevertedException ex)
        {
            throw new ApiProblemException(Problems.CallReverted, ex.Error is { } error
                ? $"The call would revert with {error}."
                : "The call would revert (without a reason).")
            {
                Error = ex.Error?.Name,
                Arguments = ex.Error?.Arguments.Select((a, i) => string.IsNullOrEmpty(a.Name) ? ($"arg{i}", a.ToString()) : (a.Name, a.ToString()[(a.Name.Length + 1)..]))
                    .ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal),
            };
        }
    }

    private static async Task<bool> ExistsAsync(DurableTaskClient workflows, string id, CancellationToken cancellationToken) =>
        await workflows.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null;

    private static async Task StartAsync(DurableTaskClient workflows, WriteRequest input, CancellationToken cancellationToken)
    {
        // Whatever state an instance of this id is in, a second start must not run the write again.
        var options = new StartOrchestrationOptions(input.Id).WithDedupeStatuses(StartOrchestrationOptionsExtensions.ValidDedupeStatuses.ToArray());
        try
        {
            var start = WriteActions.ByName(input.Action).StartInput?.Invoke(input) ?? input;
            await workflows.ScheduleNewOrchestrationInstanceAsync(input.Action, start, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started concurrently by the same request posted twice: that start is this one.
            if (!await ExistsAsync(workflows, input.Id, cancellationToken))
            {
                throw;
            }
        }
    }
}
