using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace ECommerce.Messaging;

/// <summary>Reads AMQP headers (strings arrive as byte arrays) into the string dictionary envelopes carry.</summary>
internal static class DeliveryHeaders
{
    public static Dictionary<string, string> Read(IReadOnlyBasicProperties properties)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties.Headers is null) return headers;
        foreach (var (key, value) in properties.Headers)
        {
            var text = value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is not null) headers[key] = text;
        }
        return headers;
    }

    public static int Attempt(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue(MessageHeaders.Attempt, out var value) && int.TryParse(value, CultureInfo.InvariantCulture, out var attempt) && attempt > 0
            ? attempt
            : 1;
}
