namespace PowerVerse.Functions.Http.Api;

/// <summary>Every problem type the API answers with. The slugs are part of the API: never rename one.</summary>
public static class Problems
{
    public static readonly ProblemType InvalidId = new("invalid-id", "Invalid id", 400);
    public static readonly ProblemType InvalidAddress = new("invalid-address", "Invalid address", 400);
    public static readonly ProblemType InvalidParameter = new("invalid-parameter", "Invalid parameter", 400);
    public static readonly ProblemType UnknownParameter = new("unknown-parameter", "Unknown parameter", 400);
    public static readonly ProblemType DuplicateParameter = new("duplicate-parameter", "Parameter given more than once", 400);
    public static readonly ProblemType InvalidPageSize = new("invalid-page-size", "Invalid page size", 400);
    public static readonly ProblemType InvalidRange = new("invalid-range", "Invalid range", 400);
    public static readonly ProblemType InvalidContinuationToken = new("invalid-continuation-token", "Invalid continuation token", 400);
    public static readonly ProblemType InvalidWorkflowId = new("invalid-workflow-id", "Invalid workflow id", 400);
    public static readonly ProblemType NotFound = new("not-found", "Not found", 404);
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", "Method not allowed", 405);
    public static readonly ProblemType Unavailable = new("read-model-unavailable", "Read model unavailable", 503);
    public static readonly ProblemType WorkflowsUnavailable = new("workflows-unavailable", "Workflow status unavailable", 503);

    // Writes (DESIGN §4): what is wrong with a signed request, found before anything is started.
    public static readonly ProblemType MalformedRequest = new("malformed-request", "Malformed request", 400);
    public static readonly ProblemType RequestTooLarge = new("request-too-large", "Request too large", 413);
    public static readonly ProblemType WrongContract = new("wrong-contract", "Wrong contract for this route", 422);
    public static readonly ProblemType WrongAction = new("wrong-action", "Wrong action for this route", 422);
    public static readonly ProblemType InvalidSignature = new("invalid-signature", "Invalid signature", 422);
    public static readonly ProblemType RequestExpired = new("request-expired", "Request expired", 422);
    public static readonly ProblemType NonceUsed = new("nonce-used", "Forwarder nonce already used", 409);
    public static readonly ProblemType InvalidAttestation = new("invalid-attestation", "Invalid device attestation", 422);
    public static readonly ProblemType CallReverted = new("call-reverted", "The call would revert", 422);
    public static readonly ProblemType ChainUnavailable = new("chain-unavailable", "Chain unavailable", 503);

    // Signed reads: the access configuration of a usage right, for its user only.
    public static readonly ProblemType InvalidAuthorization = new("invalid-authorization", "Invalid authorization", 401);
    public static readonly ProblemType NotTheUser = new("not-the-user", "Not the usage right's user", 403);

    // Agent access (DESIGN §3, POST /api/agents/sas): a bad signature is invalid-authorization (401).
    public static readonly ProblemType Expired = new("expired", "Request expired", 400);
    public static readonly ProblemType LifetimeTooLong = new("lifetime-too-long", "Lifetime too long", 400);
    public static readonly ProblemType NotAnAgent = new("not-an-agent", "Not the agent of a registered HID", 403);
    public static readonly ProblemType AgentQueuesUnavailable = new("agent-queues-unavailable", "Agent queues unavailable", 503);

    public static IReadOnlyList<ProblemType> All { get; } =
    [
        InvalidId, InvalidAddress, InvalidParameter, UnknownParameter, DuplicateParameter, InvalidPageSize, InvalidRange,
        InvalidContinuationToken, InvalidWorkflowId, NotFound, MethodNotAllowed, Unavailable, WorkflowsUnavailable,
        MalformedRequest, RequestTooLarge, WrongContract, WrongAction, InvalidSignature, RequestExpired, NonceUsed,
        InvalidAttestation, CallReverted, ChainUnavailable, InvalidAuthorization, NotTheUser,
        Expired, LifetimeTooLong, NotAnAgent, AgentQueuesUnavailable,
    ];

    /// <summary>The problem type a bare status code maps to (routing's own 404 and 405).</summary>
    public static ProblemType ForStatus(int status) => All.FirstOrDefault(p => p.Status == status && p.Status is 404 or 405 or 413) ?? new ProblemType("http-" + status, "HTTP " + status, status);
}
