namespace PowerVerse.Views;

/// <summary>The access configuration of a UID, for its user only: where to connect (from the agent's grant) and until when.</summary>
public sealed record AccessView(string Host, int Port, string User, long Expires);
