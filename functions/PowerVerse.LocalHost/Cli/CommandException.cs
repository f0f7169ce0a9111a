namespace PowerVerse.LocalHost.Cli;

/// <summary>A command line the command cannot run: said to the user with the usage, exit code 2.</summary>
internal sealed class CommandException(string message) : Exception(message);
