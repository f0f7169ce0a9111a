using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// One local stack for the proof tests, run one after another: each uses its own hardware and resources, judges the
/// chain by what changed for its own challenges, and moves the chain's clock only forward (no proof of another test is
/// left waiting when it does).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProofStackTests : ICollectionFixture<LocalStack>
{
    public const string Name = "proof stack";
}
