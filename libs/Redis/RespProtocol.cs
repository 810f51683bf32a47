using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ECommerce.Redis;

/// <summary>RESP2 encoding of commands and decoding of replies (https://redis.io/docs/reference/protocol-spec/).</summary>
public static class RespProtocol
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>Writes straight into the buffer: no intermediate byte array per argument on the hot path.</summary>
    public static void WriteCommand(IBufferWriter<byte> writer, string command, IReadOnlyList<object> args)
    {
        WriteHeader(writer, (byte)'*', args.Count + 1);
        WriteString(writer, command);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case string s: WriteString(writer, s); break;
                case byte[] bytes: WriteBulk(writer, bytes); break;
                case ReadOnlyMemory<byte> memory: WriteBulk(writer, memory.Span); break;
                case long l: WriteInteger(writer, l); break;
                case int n: WriteInteger(writer, n); break;
                case double d: WriteString(writer, FormatDouble(d)); break;
                case IFormattable f: WriteString(writer, f.ToString(null, CultureInfo.InvariantCulture)); break;
                case var other: WriteString(writer, other.ToString() ?? ""); break;
            }
        }
    }

    /// <summary>Redis spells infinities "+inf"/"-inf"; finite numbers round-trip.</summary>
    public static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static double ParseDouble(string value) => value switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static void WriteString(IBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteHeader(writer, (byte)'$', length);
        var span = writer.GetSpan(length + 2);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        writer.Advance(length + 2);
    }

    private static void WriteInteger(IBufferWriter<byte> writer, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        WriteBulk(writer, digits[..written]);
    }

    private static void WriteBulk(IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        WriteHeader(writer, (byte)'$', value.Length);
        writer.Write(value);
        writer.Write(CrLf);
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte prefix, int length)
    {
        var span = writer.GetSpan(16);
        span[0] = prefix;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        writer.Advance(3 + written);
    }

    /// <summary>Reads one whole reply, or returns false (consuming nothing) when more bytes are needed.</summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out RespValue value)
    {
        value = RespValue.Null;
        var startConsumed = reader.Consumed;
        if (!reader.TryRead(out var prefix) || !reader.TryReadTo(out ReadOnlySequence<byte> line, CrLf))
        {
            reader.Rewind(reader.Consumed - startConsumed);
            return false;
        }
        switch (prefix)
        {
            case (byte)'+': value = RespValue.Simple(line.ToArray()); return true;
            case (byte)'-': value = RespValue.Error(line.ToArray()); return true;
            case (byte)':': value = RespValue.Int(ParseLong(line)); return true;
            case (byte)'$':
            {
                var length = ParseLong(line);
                if (length < 0) return true;
                if (reader.Remaining < length + 2) break;
                var bytes = reader.UnreadSequence.Slice(0, length).ToArray();
                reader.Advance(length + 2);
                value = RespValue.Bulk(bytes);
                return true;
            }
            case (byte)'*':
            {
                var count = ParseLong(line);
                if (count < 0) return true;
                var items = new RespValue[count];
                for (var i = 0; i < count; i++)
                    if (!TryRead(ref reader, out items[i])) goto incomplete;
                value = RespValue.Array(items);
                return true;
            }
            default: throw new RedisException($"Unexpected RESP prefix '{(char)prefix}'.");
        }
        incomplete:
        reader.Rewind(reader.Consumed - startConsumed);
        return false;
    }

    private static long ParseLong(ReadOnlySequence<byte> line)
    {
        Span<byte> buffer = stackalloc byte[24];
        if (line.Length > buffer.Length) throw new RedisException("Malformed RESP length.");
        line.CopyTo(buffer);
        return Utf8Parser.TryParse(buffer[..(int)line.Length], out long value, out _)
            ? value
            : throw new RedisException("Malformed RESP length.");
    }
}
