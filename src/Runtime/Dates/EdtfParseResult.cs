namespace ClaimLang.Runtime;

/// <summary>Why an EDTF literal was refused.</summary>
public enum EdtfErrorKind : byte
{
    /// <summary>No error: the literal was accepted.</summary>
    None,

    /// <summary>
    /// The text is not an EDTF Level 0/1 value as ClaimLang accepts it (a syntax error:
    /// <c>2017-1-28</c>, <c>17-01</c>, <c>2017--01</c>). The compiler reports it as CLM1004.
    /// </summary>
    Malformed,

    /// <summary>
    /// The text is well formed but names something that cannot exist (<c>2017-02-30</c>,
    /// month 13, hour 25, an interval that ends before it starts). The compiler reports it as CLM2007.
    /// </summary>
    Impossible,
}

/// <summary>
/// The outcome of <see cref="EdtfDate.Parse(ReadOnlySpan{char})"/>: either a value, or an error
/// with its kind, a message that says what is wrong, and where in the text the problem is.
/// </summary>
public readonly struct EdtfParseResult
{
    private readonly EdtfDate _value;

    private EdtfParseResult(EdtfDate value)
    {
        _value = value;
        ErrorKind = EdtfErrorKind.None;
        ErrorMessage = null;
        ErrorOffset = 0;
        ErrorLength = 0;
    }

    private EdtfParseResult(EdtfErrorKind kind, string message, int offset, int length)
    {
        _value = default;
        ErrorKind = kind;
        ErrorMessage = message;
        ErrorOffset = offset;
        ErrorLength = length;
    }

    /// <summary>Whether the text was accepted.</summary>
    public bool Success => ErrorKind == EdtfErrorKind.None;

    /// <summary>The parsed value.</summary>
    /// <exception cref="InvalidOperationException">The text was not accepted.</exception>
    public EdtfDate Value => Success
        ? _value
        : throw new InvalidOperationException("The EDTF literal was not accepted: " + ErrorMessage);

    /// <summary><see cref="EdtfErrorKind.None"/> on success, otherwise whether the text is malformed or impossible.</summary>
    public EdtfErrorKind ErrorKind { get; }

    /// <summary>What is wrong, in words an analyst understands (null on success).</summary>
    public string? ErrorMessage { get; }

    /// <summary>The 0-based offset in the text of the first character of the problem (0 on success).</summary>
    public int ErrorOffset { get; }

    /// <summary>How many characters the problem spans (at least 1 on failure; 0 on success).</summary>
    public int ErrorLength { get; }

    internal static EdtfParseResult Ok(EdtfDate value) => new(value);

    internal static EdtfParseResult Fail(EdtfErrorKind kind, string message, int offset, int length) =>
        new(kind, message, offset, Math.Max(1, length));

    /// <inheritdoc />
    public override string ToString() => Success
        ? _value.Text
        : $"{ErrorKind} at {ErrorOffset}: {ErrorMessage}";
}
