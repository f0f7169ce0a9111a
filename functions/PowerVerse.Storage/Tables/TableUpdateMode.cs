namespace PowerVerse.Storage.Tables;

/// <summary>How an update treats properties the entity does not carry: Merge keeps them ("Merge Entity"), Replace drops them ("Update Entity").</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
