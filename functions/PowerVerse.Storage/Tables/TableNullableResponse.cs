using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>A response that may carry no entity (404), as <c>GetEntityIfExistsAsync</c> returns.</summary>
internal sealed class TableNullableResponse<T>(Response response, T? value) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T Value => value ?? throw new InvalidOperationException("The entity does not exist; check HasValue first.");

    public override Response GetRawResponse() => response;
}
