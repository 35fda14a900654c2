namespace ClaimLang.LanguageServer.Server;

/// <summary>
/// JavaScript strings (and so editor buffers) may hold unpaired surrogates, which a client sends as JSON escapes
/// such as <c>\ud800</c>. That is valid JSON, but System.Text.Json refuses to turn it into a .NET string. This pass
/// rewrites each unpaired surrogate escape to <c>\ufffd</c> in place: the same number of bytes in the message and
/// the same number of UTF-16 units in the text, so every position stays where the client put it.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Fixes <paramref name="body"/> in place; linear, and a no-op without surrogate escapes.</summary>
    public static void Replace(byte[] body)
    {
        if (body.AsSpan().IndexOf("\\u"u8) < 0) return;
        bool inString = false;
        for (int i = 0; i < body.Length; i++)
        {
            byte b = body[i];
            if (!inString)
            {
                if (b == (byte)'"') inString = true;
                continue;
            }
            if (b == (byte)'"')
            {
                inString = false;
                continue;
            }
            if (b != (byte)'\\' || i + 1 >= body.Length) continue;
            if (body[i + 1] != (byte)'u')
            {
                i++; // skip the escaped character (it may be a quote or a backslash)
                continue;
            }
            if (!TryHex(body, i + 2, out int unit))
            {
                i++;
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                // A high surrogate must be followed by an escaped low one.
                if (i + 11 < body.Length && body[i + 6] == (byte)'\\' && body[i + 7] == (byte)'u'
                    && TryHex(body, i + 8, out int next) && next is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 11;
                    continue;
                }
                WriteReplacement(body, i + 2);
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                WriteReplacement(body, i + 2);
            }
            i += 5;
        }
    }

    private static bool TryHex(byte[] body, int start, out int value)
    {
        value = 0;
        if (start + 4 > body.Length) return false;
        for (int k = 0; k < 4; k++)
        {
            int digit = body[start + k] switch
            {
                >= (byte)'0' and <= (byte)'9' => body[start + k] - '0',
                >= (byte)'a' and <= (byte)'f' => body[start + k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => body[start + k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        return true;
    }

    private static void WriteReplacement(byte[] body, int start)
    {
        body[start] = (byte)'f';
        body[start + 1] = (byte)'f';
        body[start + 2] = (byte)'f';
        body[start + 3] = (byte)'d';
    }
}
