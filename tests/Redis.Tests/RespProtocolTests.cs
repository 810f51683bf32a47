using System.Buffers;
using System.Text;

namespace ECommerce.Redis.Tests;

public class RespProtocolTests
{
    private static string Encode(string command, params object[] args)
    {
        var buffer = new ArrayBufferWriter<byte>();
        RespProtocol.WriteCommand(buffer, command, args);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (bool Complete, RespValue Value, long Consumed) Decode(string wire)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));
        var complete = RespProtocol.TryRead(ref reader, out var value);
        return (complete, value, reader.Consumed);
    }

    [Fact]
    public void Commands_are_arrays_of_bulk_strings()
    {
        Assert.Equal("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nhéllo\r\n", Encode("SET", "k", "héllo")); // length in bytes
        Assert.Equal("*2\r\n$6\r\nEXPIRE\r\n$3\r\n1.5\r\n", Encode("EXPIRE", 1.5));
    }

    [Fact]
    public void Numbers_are_written_invariantly_and_infinities_as_redis_spells_them()
    {
        Assert.Equal("*4\r\n$4\r\nZADD\r\n$2\r\n42\r\n$4\r\n-7.5\r\n$4\r\n+inf\r\n", Encode("ZADD", 42L, -7.5, double.PositiveInfinity));
        Assert.Equal("*2\r\n$3\r\nSET\r\n$2\r\n\u0001\u0002\r\n", Encode("SET", new byte[] { 1, 2 }));
        Assert.Equal(double.NegativeInfinity, RespProtocol.ParseDouble("-inf"));
        Assert.Equal(0.1, RespProtocol.ParseDouble(RespProtocol.FormatDouble(0.1)));
    }

    [Theory]
    [InlineData("+OK\r\n", "OK")]
    [InlineData(":42\r\n", "42")]
    [InlineData("$5\r\nhello\r\n", "hello")]
    [InlineData("$0\r\n\r\n", "")]
    [InlineData("*2\r\n$1\r\na\r\n:7\r\n", "[a, 7]")]
    public void Whole_replies_are_decoded(string wire, string expected)
    {
        var (complete, value, consumed) = Decode(wire);

        Assert.True(complete);
        Assert.Equal(expected, value.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(wire), consumed);
    }

    [Fact]
    public void Nil_bulk_and_error_replies_keep_their_type()
    {
        Assert.True(Decode("$-1\r\n").Value.IsNull);
        var error = Decode("-WRONGTYPE wrong kind\r\n").Value;
        Assert.Equal(RespType.Error, error.Type);
        Assert.Equal("WRONGTYPE wrong kind", error.ToString());
    }

    [Theory]
    [InlineData("$5\r\nhel")]
    [InlineData("$5\r\nhello")]
    [InlineData("*2\r\n$1\r\na\r\n")]
    [InlineData(":4")]
    public void A_partial_reply_consumes_nothing(string wire)
    {
        var (complete, _, consumed) = Decode(wire);

        Assert.False(complete);
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Configuration_string_in_aspire_format_is_parsed()
    {
        var options = RedisOptions.Parse("localhost:6380,password=s3cret,defaultDatabase=2,abortConnect=false");

        Assert.Equal(("localhost", 6380, "s3cret", 2), (options.Host, options.Port, options.Password, options.Database));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RedisOptions.Parse("h:1,asyncTimeout=250").OperationTimeout);
        Assert.Throws<FormatException>(() => RedisOptions.Parse("password=x"));
    }
}
