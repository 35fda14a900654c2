namespace ClaimLang.LanguageServer.Tests.Infrastructure;

/// <summary>Finds LSP positions (line, UTF-16 character) of snippets in test texts (LF line breaks).</summary>
internal static class TextPositions
{
    /// <summary>The position of the <paramref name="occurrence"/>-th (0-based) <paramref name="snippet"/>, plus <paramref name="offset"/> characters.</summary>
    public static (int Line, int Character) Of(string text, string snippet, int occurrence = 0, int offset = 0)
    {
        int index = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"'{snippet}' (#{occurrence}) is not in the text");
        }
        return At(text, index + offset);
    }

    public static (int Line, int Character) At(string text, int index)
    {
        int line = 0, start = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }
        return (line, index - start);
    }
}
