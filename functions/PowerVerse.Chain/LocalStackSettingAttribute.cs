namespace PowerVerse.Chain;

/// <summary>
/// Marks a configuration-key constant (<c>…Setting</c>) that only the local stack sets, as the alternative to what
/// Azure configures (e.g. a local secrets file instead of Key Vault). The deployment tests require every other
/// <c>…Setting</c> constant to be set by infra/main.bicep.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class LocalStackSettingAttribute : Attribute;
