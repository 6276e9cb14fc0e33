using System.Text;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>One span as exported over OTLP: the instrumentation scope that made it, its name and its attributes.</summary>
public sealed record ExportedSpan(string Scope, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Reads the spans out of an OTLP/HTTP protobuf body (ExportTraceServiceRequest), following just the fields
/// the tests look at: resource_spans(1) → scope_spans(2) → scope(1).name(1) and spans(2) → name(5),
/// attributes(9) → key(1), value(2). Every other field is skipped by its wire type.
/// </summary>
public static class OtlpSpans
{
    public static IReadOnlyList<ExportedSpan> Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var spans = new List<ExportedSpan>();
        foreach (var resourceSpans in Messages(body, 1))
        {
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                string scope = Messages(scopeSpans, 1).Select(s => Text(s, 1)).FirstOrDefault() ?? "";
                foreach (var span in Messages(scopeSpans, 2))
                {
                    var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var pair in Messages(span, 9))
                    {
                        attributes[Text(pair, 1)] = Messages(pair, 2).Select(Value).FirstOrDefault() ?? "";
                    }

                    spans.Add(new ExportedSpan(scope, Text(span, 5), attributes));
                }
            }
        }

        return spans;
    }

    // AnyValue: string_value(1), bool_value(2), int_value(3), double_value(4); arrays and maps as "".
    private static string Value(byte[] any)
    {
        foreach (var (field, wireType, value, bytes) in Fields(any))
        {
            switch (field)
            {
                case 1 when wireType == 2: return Encoding.UTF8.GetString(bytes);
                case 2 when wireType == 0: return value != 0 ? "true" : "false";
                case 3 when wireType == 0: return ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 4 when wireType == 1: return BitConverter.UInt64BitsToDouble(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return "";
    }

    private static string Text(byte[] message, int field) => Messages(message, field).Select(Encoding.UTF8.GetString).FirstOrDefault() ?? "";

    private static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Field == field && f.WireType == 2).Select(f => f.Bytes);

    private static IEnumerable<(int Field, int WireType, ulong Value, byte[] Bytes)> Fields(byte[] message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong tag = Varint(message, ref at);
            int wireType = (int)(tag & 7);
            int field = (int)(tag >> 3);
            switch (wireType)
            {
                case 0:
                    yield return (field, 0, Varint(message, ref at), []);
                    break;
                case 1:
                    yield return (field, 1, BitConverter.ToUInt64(message, at), []);
                    at += 8;
                    break;
                case 2:
                    int length = (int)Varint(message, ref at);
                    yield return (field, 2, 0, message[at..(at + length)]);
                    at += length;
                    break;
                case 5:
                    yield return (field, 5, BitConverter.ToUInt32(message, at), []);
                    at += 4;
                    break;
                default:
                    throw new FormatException($"Unknown protobuf wire type {wireType} at byte {at}.");
            }
        }
    }

    private static ulong Varint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
