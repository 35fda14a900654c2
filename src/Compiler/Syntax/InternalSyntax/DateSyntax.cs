namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>Checks the shape of a date token (CLM1004). Impossible values (CLM2007) are the checker's business.</summary>
internal static class DateSyntax
{
    /// <summary>Returns null when <paramref name="text"/> is a well-formed EDTF value, else a message.</summary>
    public static string? Check(ReadOnlySpan<char> text)
    {
        var result = ClaimLang.Runtime.EdtfDate.Parse(text);
        if (result.Success || result.ErrorKind == ClaimLang.Runtime.EdtfErrorKind.Impossible) return null;
        return $"malformed date '{MessageText.Quote(text.ToString(), 40)}': {MessageText.Quote(result.ErrorMessage ?? "", 200)}";
    }
}
