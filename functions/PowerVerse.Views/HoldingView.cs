namespace PowerVerse.Views;

/// <summary>One asset an account holds: kind <c>hid</c>, <c>vid</c>, <c>uid</c>, <c>rid</c> (shares of a VID) or <c>use</c> (a UID it is the user of, until <c>Expires</c>).</summary>
public sealed record HoldingView(string Kind, string TokenId, string Amount, long Expires);
