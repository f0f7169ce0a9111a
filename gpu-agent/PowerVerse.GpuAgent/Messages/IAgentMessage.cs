namespace PowerVerse.GpuAgent.Messages;

/// <summary>A message the agent receives on its own queue.</summary>
internal interface IAgentMessage;
