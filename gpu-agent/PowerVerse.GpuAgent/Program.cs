using PowerVerse.GpuAgent.Commands;

// gpu-agent init | run | bench — see README's gpu-agent section.
return await AgentCli.RunAsync(args, Console.Out, Console.Error);
