namespace PowerVerse.Workflows;

/// <summary>The workflow definitions a worker can run, by name.</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowDefinition> _definitions = new(StringComparer.Ordinal);

    public WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!definition.Steps.Contains(definition.InitialStep))
            {
                throw new ArgumentException($"Workflow '{definition.Name}' starts in '{definition.InitialStep}', which it does not declare.", nameof(definitions));
            }

            if (!_definitions.TryAdd(definition.Name, definition))
            {
                throw new ArgumentException($"Two workflows are named '{definition.Name}'.", nameof(definitions));
            }
        }
    }

    public WorkflowRegistry(params WorkflowDefinition[] definitions)
        : this((IEnumerable<WorkflowDefinition>)definitions)
    {
    }

    public IReadOnlyCollection<string> Names => _definitions.Keys;

    public bool TryGet(string name, out WorkflowDefinition definition) => _definitions.TryGetValue(name, out definition!);

    public WorkflowDefinition Get(string name) =>
        TryGet(name, out var definition) ? definition : throw new WorkflowNotFoundException($"No workflow is named '{name}'.");
}
