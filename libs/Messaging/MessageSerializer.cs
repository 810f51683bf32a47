using System.Text.Json;

namespace ECommerce.Messaging;

/// <summary>Message bodies are JSON with the web defaults (camelCase), the same on every service.</summary>
public static class MessageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(object message) => JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), Options);

    public static object? Deserialize(ReadOnlySpan<byte> body, Type type) => JsonSerializer.Deserialize(body, type, Options);

    /// <summary>The routing key and type header: the CLR type's short name, so contracts can live in any namespace.</summary>
    public static string TypeName(Type type) => type.Name;
}
