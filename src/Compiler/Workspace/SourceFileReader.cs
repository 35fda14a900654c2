using System.Buffers;
using System.Text;
using System.Text.Unicode;
using ClaimLang.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Workspace;

/// <summary>Reads a .claim file as UTF-8 (a BOM is kept as the first character), reporting invalid bytes.</summary>
public static class SourceFileReader
{
    /// <summary>
    /// Decodes <paramref name="bytes"/>. Invalid UTF-8 is replaced by U+FFFD and reported once, as CLM1001 at the
    /// first bad byte, so the file still parses and every other diagnostic keeps its place.
    /// </summary>
    public static (SourceText Text, Diagnostic? EncodingError) Decode(byte[] bytes, string filePath)
    {
        string text = Encoding.UTF8.GetString(bytes);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            // Encoding.GetString drops nothing, but be explicit: the BOM stays as U+FEFF trivia so round trips are exact.
            if (text.Length == 0 || text[0] != '\uFEFF') text = "\uFEFF" + text;
        }
        var source = SourceText.From(text, Encoding.UTF8);
        if (Utf8.IsValid(bytes)) return (source, null);

        int firstBad = FirstInvalidByte(bytes);
        int charPosition = Encoding.UTF8.GetCharCount(bytes, 0, firstBad);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF && (text.Length == 0 || text[0] != '\uFEFF')) charPosition++;
        charPosition = Math.Min(charPosition, source.Length);
        var span = new TextSpan(charPosition, Math.Min(1, source.Length - charPosition));
        var diagnostic = new Diagnostic(DiagnosticCatalog.UnexpectedToken, DiagnosticSeverity.Error,
            $"the file is not valid UTF-8: invalid byte 0x{bytes[firstBad]:X2} at byte offset {firstBad}; save the file as UTF-8",
            Location.Create(filePath, source, span));
        return (source, diagnostic);
    }

    private static int FirstInvalidByte(byte[] bytes)
    {
        var span = bytes.AsSpan();
        int offset = 0;
        while (span.Length > 0)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span, out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            span = span[consumed..];
            offset += consumed;
        }
        return bytes.Length;
    }
}
