using ClaimLang.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Configuration;

/// <summary>
/// The <c>// claimlang-disable-next-line CODE, CODE…</c> comments of one source file: which codes are disabled
/// on which line.
/// <para>Rules (decided here, documented in docs/diagnostics/README.md):</para>
/// <list type="bullet">
/// <item>The comment must be alone on its line: only white space may come before <c>//</c>. A directive after
/// code (<c>claim … // claimlang-disable-next-line …</c>) is an ordinary comment and does nothing.</item>
/// <item>It applies to the very next line only (line N+1 for a comment on line N), even when that line is blank
/// or is itself a comment: directives do not stack.</item>
/// <item>Codes are separated by commas and/or spaces and written <c>CLM</c> plus four digits (any letter case).
/// Text after <c>--</c> is a free-form reason and is ignored. Anything else on the line is recorded in
/// <see cref="Problems"/> and ignored. A directive that names no code disables nothing.</item>
/// <item><c>///</c> doc comments are never directives. CLM1xxx (syntax) codes are never suppressed.</item>
/// <item>The scan is textual, line by line: a line inside a multi-line raw string that looks exactly like a
/// directive is taken as one.</item>
/// </list>
/// </summary>
public sealed class SuppressionMap
{
    /// <summary>The directive word that follows <c>//</c>.</summary>
    public const string Directive = "claimlang-disable-next-line";

    /// <summary>A map that suppresses nothing.</summary>
    public static SuppressionMap Empty { get; } = new(new Dictionary<int, string[]>(), []);

    // 0-based line of the *suppressed* line → codes (upper case).
    private readonly Dictionary<int, string[]> _byLine;

    private SuppressionMap(Dictionary<int, string[]> byLine, IReadOnlyList<SuppressionProblem> problems)
    {
        _byLine = byLine;
        Problems = problems;
    }

    /// <summary>Words on directive lines that are not codes (span in the source, and the text).</summary>
    public IReadOnlyList<SuppressionProblem> Problems { get; }

    /// <summary>How many lines have at least one code disabled.</summary>
    public int Count => _byLine.Count;

    /// <summary>Scans <paramref name="text"/> line by line in linear time.</summary>
    public static SuppressionMap Create(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dictionary<int, string[]>? byLine = null;
        List<SuppressionProblem>? problems = null;
        var codes = new List<string>();

        foreach (var line in text.Lines)
        {
            int end = line.End;
            int i = line.Start;
            while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
            if (i + 2 > end || text[i] != '/' || text[i + 1] != '/') continue;
            i += 2;
            if (i < end && text[i] == '/') continue; // a doc comment
            while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
            if (!StartsWith(text, i, end, Directive)) continue;
            i += Directive.Length;
            if (i < end && text[i] != ' ' && text[i] != '\t' && text[i] != ',') continue; // e.g. "…-lines"

            codes.Clear();
            while (i < end)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == ',') { i++; continue; }
                if (c == '-' && i + 1 < end && text[i + 1] == '-') break; // the reason
                int wordStart = i;
                while (i < end && text[i] != ' ' && text[i] != '\t' && text[i] != ',') i++;
                if (IsCode(text, wordStart, i))
                {
                    codes.Add(string.Create(7, (text, wordStart), static (span, state) =>
                    {
                        for (int k = 0; k < 7; k++) span[k] = char.ToUpperInvariant(state.text[state.wordStart + k]);
                    }));
                }
                else
                {
                    problems ??= [];
                    var span = TextSpan.FromBounds(wordStart, i);
                    problems.Add(new SuppressionProblem(span, text.ToString(span)));
                }
            }
            if (codes.Count == 0) continue;
            byLine ??= new Dictionary<int, string[]>();
            int target = line.LineNumber + 1;
            byLine[target] = byLine.TryGetValue(target, out var existing) ? [.. existing, .. codes] : [.. codes];
        }

        return byLine is null && problems is null
            ? Empty
            : new SuppressionMap(byLine ?? new Dictionary<int, string[]>(), (IReadOnlyList<SuppressionProblem>?)problems ?? []);
    }

    /// <summary>Whether <paramref name="code"/> is disabled on the 0-based <paramref name="zeroBasedLine"/>.</summary>
    public bool IsSuppressed(int zeroBasedLine, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 7 || !code.StartsWith("CLM", StringComparison.OrdinalIgnoreCase)) return false;
        if (code[3] == '1') return false; // syntax errors are never suppressed
        if (!_byLine.TryGetValue(zeroBasedLine, out var codes)) return false;
        foreach (string disabled in codes)
        {
            if (string.Equals(disabled, code, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="diagnostic"/> is disabled on the line where it starts.</summary>
    public bool IsSuppressed(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Descriptor.IsSuppressible && IsSuppressed(diagnostic.Location.LineSpan.Start.Line, diagnostic.Id);
    }

    /// <summary>The codes disabled on a 0-based line (empty when none).</summary>
    public IReadOnlyList<string> CodesOn(int zeroBasedLine) =>
        _byLine.TryGetValue(zeroBasedLine, out var codes) ? codes : [];

    private static bool StartsWith(SourceText text, int start, int end, string word)
    {
        if (end - start < word.Length) return false;
        for (int k = 0; k < word.Length; k++)
        {
            if (text[start + k] != word[k]) return false;
        }
        return true;
    }

    private static bool IsCode(SourceText text, int start, int end)
    {
        if (end - start != 7) return false;
        if (char.ToUpperInvariant(text[start]) != 'C' || char.ToUpperInvariant(text[start + 1]) != 'L'
            || char.ToUpperInvariant(text[start + 2]) != 'M') return false;
        for (int k = start + 3; k < end; k++)
        {
            if (!char.IsAsciiDigit(text[k])) return false;
        }
        return true;
    }
}

/// <summary>A word on a suppression line that is not a diagnostic code.</summary>
public readonly record struct SuppressionProblem(TextSpan Span, string Text);
