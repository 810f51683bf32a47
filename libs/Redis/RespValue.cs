using System.Globalization;
using System.Text;

namespace ECommerce.Redis;

public enum RespType { SimpleString, Error, Integer, BulkString, Array, Null }

/// <summary>One RESP2 reply (what StackExchange.Redis calls a RedisResult), with typed readers.</summary>
public sealed class RespValue
{
    public static readonly RespValue Null = new(RespType.Null);

    private RespValue(RespType type, byte[]? bytes = null, long integer = 0, RespValue[]? items = null) =>
        (Type, Bytes, Integer, Items) = (type, bytes, integer, items);

    public RespType Type { get; }
    public byte[]? Bytes { get; }
    public long Integer { get; }
    public RespValue[]? Items { get; }
    public bool IsNull => Type == RespType.Null;

    public static RespValue Simple(byte[] bytes) => new(RespType.SimpleString, bytes);
    public static RespValue Error(byte[] bytes) => new(RespType.Error, bytes);
    public static RespValue Int(long value) => new(RespType.Integer, integer: value);
    public static RespValue Bulk(byte[] bytes) => new(RespType.BulkString, bytes);
    public static RespValue Array(RespValue[] items) => new(RespType.Array, items: items);

    /// <summary>An integer reply, or a bulk string holding one (Lua numbers and INCRBYFLOAT come back as either).</summary>
    public long AsInt64() => Type == RespType.Integer
        ? Integer
        : long.Parse(ToString() ?? throw new RedisException("Expected an integer, got nil."), CultureInfo.InvariantCulture);

    public double AsDouble() => Type == RespType.Integer
        ? Integer
        : RespProtocol.ParseDouble(ToString() ?? throw new RedisException("Expected a number, got nil."));

    public double? AsNullableDouble() => IsNull ? null : AsDouble();

    public IReadOnlyList<RespValue> AsArray() => Items ?? [];

    public bool IsOk => Type == RespType.SimpleString && Bytes is [(byte)'O', (byte)'K'];

    public override string? ToString() => Type switch
    {
        RespType.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RespType.Null => null,
        RespType.Array => "[" + string.Join(", ", Items!.Select(i => i.ToString())) + "]",
        _ => Encoding.UTF8.GetString(Bytes!),
    };
}
