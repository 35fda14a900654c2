using System.Globalization;
using System.Text;

namespace ClaimLang.Emit;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by <c>,</c>, records ended by CRLF, a field holding <c>,</c>, <c>"</c>, CR
/// or LF put in double quotes with <c>"</c> doubled. A null field is written empty and unquoted, an empty string
/// as <c>""</c>, so the two can be told apart. A text field that a spreadsheet would run as a formula (it starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or CR) gets a leading <c>'</c>; numbers are written with
/// the invariant culture and never altered.
/// </summary>
public sealed class CsvWriter
{
    /// <summary>The record separator (RFC 4180).</summary>
    public const string LineEnd = "\r\n";

    private readonly TextWriter _writer;
    private bool _atRecordStart = true;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public CsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Writes a text field (null: an empty unquoted field).</summary>
    public void WriteText(string? value)
    {
        Separate();
        if (value is null) return;
        WriteEscaped(_writer, value);
    }

    /// <summary>Writes an integer field.</summary>
    public void WriteNumber(long value)
    {
        Separate();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a floating-point field (shortest text that reads back to the same value).</summary>
    public void WriteNumber(double value)
    {
        Separate();
        _writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a decimal field.</summary>
    public void WriteNumber(decimal value)
    {
        Separate();
        _writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a field from a value read from SQLite: null, a string, a long or a double.</summary>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null or DBNull: WriteText(null); break;
            case string text: WriteText(text); break;
            case long integer: WriteNumber(integer); break;
            case int integer: WriteNumber(integer); break;
            case double real: WriteNumber(real); break;
            case decimal number: WriteNumber(number); break;
            case byte[] bytes: WriteText(Convert.ToBase64String(bytes)); break;
            default: WriteText(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Ends the current record.</summary>
    public void EndRecord()
    {
        _writer.Write(LineEnd);
        _atRecordStart = true;
    }

    /// <summary>Writes a whole record of text fields.</summary>
    public void WriteRecord(params ReadOnlySpan<string?> fields)
    {
        foreach (var field in fields) WriteText(field);
        EndRecord();
    }

    private void Separate()
    {
        if (!_atRecordStart) _writer.Write(',');
        _atRecordStart = false;
    }

    /// <summary>True when a spreadsheet would treat a cell starting like <paramref name="value"/> as a formula.</summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> value) =>
        !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The field as written: neutralised when it looks like a formula, quoted when it must be.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteEscaped(writer, value);
        return writer.ToString();
    }

    private static void WriteEscaped(TextWriter writer, string value)
    {
        bool neutralise = LooksLikeFormula(value);
        bool quote = value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            if (neutralise) writer.Write('\'');
            writer.Write(value);
            return;
        }

        writer.Write('"');
        if (neutralise) writer.Write('\'');
        var rest = value.AsSpan();
        while (true)
        {
            int quoteAt = rest.IndexOf('"');
            if (quoteAt < 0)
            {
                writer.Write(rest);
                break;
            }

            writer.Write(rest[..(quoteAt + 1)]);
            writer.Write('"');
            rest = rest[(quoteAt + 1)..];
        }

        writer.Write('"');
    }

    /// <summary>UTF-8 without a byte-order mark: the encoding of every CSV file claimc writes.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}
