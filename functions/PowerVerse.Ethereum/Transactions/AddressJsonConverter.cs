using System.Text.Json;
using System.Text.Json.Serialization;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>Addresses as their EIP-55 text in JSON.</summary>
internal sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Address.Parse(reader.GetString() ?? throw new JsonException("An address cannot be null."));

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
