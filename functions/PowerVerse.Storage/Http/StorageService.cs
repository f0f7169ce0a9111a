namespace PowerVerse.Storage.Http;

/// <summary>Which service a pipeline talks to: the two differ in their Shared Key string-to-sign and error bodies.</summary>
internal enum StorageService
{
    Table,
    Queue,
}
