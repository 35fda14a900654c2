namespace ClaimLang.Configuration;

/// <summary>
/// A compiled glob pattern for paths relative to the workspace root, written with <c>/</c> separators.
/// <list type="bullet">
/// <item><c>**</c> as a whole segment matches any number of folders, including none;</item>
/// <item><c>*</c> matches any run of characters within one segment (including a leading dot);</item>
/// <item><c>?</c> matches one character; <c>[abc]</c>, <c>[a-z]</c>, <c>[!a-z]</c> (or <c>[^a-z]</c>) match one
/// character of (or not of) a set;</item>
/// <item><c>{a,b}</c> matches either alternative (alternatives may contain <c>/</c> and may nest).</item>
/// </list>
/// Patterns are anchored at the root (<c>*.claim</c> matches only top-level files; write <c>**/*.claim</c> for
/// every depth) and are case-sensitive. A trailing <c>/</c> makes a pattern match folders only. Absolute
/// patterns, <c>.</c> and <c>..</c> segments, empty segments, backslashes and <c>**</c> inside a segment are
/// rejected. Matching takes time proportional to pattern length times path length, with no backtracking blow-up.
/// </summary>
public sealed class GlobPattern
{
    /// <summary>The most alternatives that brace expansion may produce for one pattern.</summary>
    public const int MaxAlternatives = 256;

    private readonly Alternative[] _alternatives;

    private GlobPattern(string text, Alternative[] alternatives, bool directoryOnly)
    {
        Text = text;
        _alternatives = alternatives;
        DirectoryOnly = directoryOnly;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when the pattern ended with <c>/</c>: it matches folders, not files.</summary>
    public bool DirectoryOnly { get; }

    public override string ToString() => Text;

    /// <summary>Compiles <paramref name="pattern"/>, or explains what is wrong with it.</summary>
    public static bool TryParse(string pattern, out GlobPattern? glob, out string? error)
    {
        glob = null;
        ArgumentNullException.ThrowIfNull(pattern);
        error = Validate(pattern);
        if (error is not null) return false;

        bool directoryOnly = pattern.EndsWith('/');
        string body = directoryOnly ? pattern[..^1] : pattern;
        if (body.Length == 0)
        {
            error = "the pattern '/' names no path";
            return false;
        }

        var expanded = ExpandBraces(body, out error);
        if (expanded is null) return false;

        var alternatives = new Alternative[expanded.Count];
        for (int i = 0; i < expanded.Count; i++)
        {
            var alternative = CompileAlternative(expanded[i], pattern, out error);
            if (alternative is null) return false;
            alternatives[i] = alternative;
        }

        glob = new GlobPattern(pattern, alternatives, directoryOnly);
        return true;
    }

    /// <summary>Compiles a pattern known to be valid; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static GlobPattern Parse(string pattern) =>
        TryParse(pattern, out var glob, out var error) ? glob! : throw new ArgumentException(error, nameof(pattern));

    /// <summary>
    /// Whether <paramref name="relativePath"/> (relative to the root, <c>/</c> separators, no leading or trailing
    /// <c>/</c>) matches. <paramref name="isDirectory"/> tells whether the path names a folder.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> relativePath, bool isDirectory = false)
    {
        if (DirectoryOnly && !isDirectory) return false;
        if (relativePath.Length == 0) return false;

        // Segment boundaries of the path: segment i is [starts[i], ends[i]).
        int count = 1;
        foreach (char c in relativePath) if (c == '/') count++;
        Span<int> bounds = count <= 64 ? stackalloc int[count * 2] : new int[count * 2];
        int segment = 0, start = 0;
        for (int i = 0; i <= relativePath.Length; i++)
        {
            if (i == relativePath.Length || relativePath[i] == '/')
            {
                bounds[segment * 2] = start;
                bounds[segment * 2 + 1] = i;
                segment++;
                start = i + 1;
            }
        }

        foreach (var alternative in _alternatives)
        {
            if (alternative.Matches(relativePath, bounds, count)) return true;
        }
        return false;
    }

    // ---- validation and compilation ------------------------------------------------------------------------

    private static string? Validate(string pattern)
    {
        if (pattern.Length == 0) return "a pattern may not be empty";
        if (pattern[0] == '/' || (pattern.Length >= 2 && pattern[1] == ':' && char.IsAsciiLetter(pattern[0])))
            return $"'{pattern}' is absolute; patterns are relative to the workspace root (e.g. 'claims/**/*.claim')";
        int braceDepth = 0;
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') return $"'{pattern}' contains '\\'; use '/' to separate folders";
            if (c == '\0') return $"'{pattern}' contains a NUL character";
            if (inClass)
            {
                if (c == ']') inClass = false;
                else if (c == '/') return $"'{pattern}' has a '[' set that crosses a '/'; close it with ']' in the same segment";
                continue;
            }
            switch (c)
            {
                case '[': inClass = true; break;
                case '{': braceDepth++; break;
                case '}':
                    if (braceDepth == 0) return $"'{pattern}' has a '}}' without a matching '{{'";
                    braceDepth--;
                    break;
            }
        }
        if (inClass) return $"'{pattern}' has a '[' without a matching ']'";
        if (braceDepth != 0) return $"'{pattern}' has a '{{' without a matching '}}'";
        return null;
    }

    /// <summary>Expands <c>{a,b}</c> alternatives iteratively (no recursion), capped at <see cref="MaxAlternatives"/>.</summary>
    private static List<string>? ExpandBraces(string pattern, out string? error)
    {
        error = null;
        var done = new List<string>();
        var work = new Stack<string>();
        work.Push(pattern);
        while (work.Count > 0)
        {
            string current = work.Pop();
            int open = -1;
            bool inClass = false;
            for (int i = 0; i < current.Length; i++)
            {
                char c = current[i];
                if (inClass) { if (c == ']') inClass = false; continue; }
                if (c == '[') inClass = true;
                else if (c == '{') { open = i; break; }
            }
            if (open < 0)
            {
                done.Add(current);
                if (done.Count > MaxAlternatives) break;
                continue;
            }

            // Find the matching '}' and the top-level commas between.
            var cuts = new List<int> { open };
            int depth = 0, close = -1;
            inClass = false;
            for (int i = open + 1; i < current.Length; i++)
            {
                char c = current[i];
                if (inClass) { if (c == ']') inClass = false; continue; }
                if (c == '[') inClass = true;
                else if (c == '{') depth++;
                else if (c == '}')
                {
                    if (depth == 0) { close = i; break; }
                    depth--;
                }
                else if (c == ',' && depth == 0) cuts.Add(i);
            }
            cuts.Add(close);
            string prefix = current[..open], suffix = current[(close + 1)..];
            // Push in reverse so that alternatives come out in the written order.
            for (int k = cuts.Count - 2; k >= 0; k--)
            {
                work.Push(string.Concat(prefix, current.AsSpan(cuts[k] + 1, cuts[k + 1] - cuts[k] - 1), suffix));
            }
            if (done.Count + work.Count > MaxAlternatives) break;
        }
        if (done.Count + work.Count > MaxAlternatives)
        {
            error = $"'{pattern}' expands to more than {MaxAlternatives} alternatives";
            return null;
        }
        return done;
    }

    private static Alternative? CompileAlternative(string text, string pattern, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = $"'{pattern}' has an empty alternative, which would name no path";
            return null;
        }
        if (text[0] == '/')
        {
            error = $"'{pattern}' has an alternative that makes it absolute ('{text}')";
            return null;
        }
        var segments = new List<Segment?>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '/') continue;
            var part = text.AsSpan(start, i - start);
            start = i + 1;
            if (part.Length == 0)
            {
                error = $"'{pattern}' has an empty segment ('//' or a '/' at the start of an alternative)";
                return null;
            }
            if (part is "." || part is "..")
            {
                error = $"'{pattern}' has a '{part}' segment; patterns cannot name the current or parent folder";
                return null;
            }
            if (part is "**")
            {
                // Consecutive '**' segments mean the same as one.
                if (segments.Count == 0 || segments[^1] is not null) segments.Add(null);
                continue;
            }
            if (part.IndexOf("**", StringComparison.Ordinal) >= 0)
            {
                error = $"'{pattern}' uses '**' inside a segment; '**' must be a whole segment, as in 'a/**/b'";
                return null;
            }
            var segment = Segment.Compile(part, out error);
            if (segment is null)
            {
                error = $"'{pattern}': {error}";
                return null;
            }
            segments.Add(segment);
        }
        return new Alternative([.. segments]);
    }

    // ---- matching ------------------------------------------------------------------------------------------

    /// <summary>One brace-free pattern: a list of segments where null stands for <c>**</c>.</summary>
    private sealed class Alternative(Segment?[] segments)
    {
        public bool Matches(ReadOnlySpan<char> path, ReadOnlySpan<int> bounds, int count)
        {
            // Classic wildcard matching with one kind of star, lifted to segments: '**' is the star.
            int p = 0, s = 0, starP = -1, starS = 0;
            while (s < count)
            {
                if (p < segments.Length && segments[p] is { } seg
                    && seg.Matches(path[bounds[s * 2]..bounds[s * 2 + 1]]))
                {
                    p++;
                    s++;
                }
                else if (p < segments.Length && segments[p] is null)
                {
                    starP = p++;
                    starS = s;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    s = ++starS;
                }
                else
                {
                    return false;
                }
            }
            while (p < segments.Length && segments[p] is null) p++;
            return p == segments.Length;
        }
    }

    private enum TokenKind : byte { Literal, AnyChar, Star, Set }

    private readonly record struct Token(TokenKind Kind, char Char, int SetIndex);

    /// <summary>One segment pattern made of literals, <c>?</c>, <c>*</c> and sets.</summary>
    private sealed class Segment
    {
        private readonly Token[] _tokens;
        private readonly CharSet[] _sets;

        private Segment(Token[] tokens, CharSet[] sets)
        {
            _tokens = tokens;
            _sets = sets;
        }

        public static Segment? Compile(ReadOnlySpan<char> text, out string? error)
        {
            error = null;
            var tokens = new List<Token>();
            var sets = new List<CharSet>();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '*':
                        if (tokens.Count == 0 || tokens[^1].Kind != TokenKind.Star) tokens.Add(new Token(TokenKind.Star, '\0', 0));
                        break;
                    case '?':
                        tokens.Add(new Token(TokenKind.AnyChar, '\0', 0));
                        break;
                    case '[':
                    {
                        int close = text[(i + 1)..].IndexOf(']');
                        var body = text.Slice(i + 1, close);
                        var set = CharSet.Compile(body, out error);
                        if (set is null) return null;
                        tokens.Add(new Token(TokenKind.Set, '\0', sets.Count));
                        sets.Add(set);
                        i += close + 1;
                        break;
                    }
                    default:
                        tokens.Add(new Token(TokenKind.Literal, c, 0));
                        break;
                }
            }
            return new Segment([.. tokens], [.. sets]);
        }

        public bool Matches(ReadOnlySpan<char> name)
        {
            int t = 0, n = 0, starT = -1, starN = 0;
            while (n < name.Length)
            {
                if (t < _tokens.Length && _tokens[t].Kind != TokenKind.Star && MatchesOne(_tokens[t], name[n]))
                {
                    t++;
                    n++;
                }
                else if (t < _tokens.Length && _tokens[t].Kind == TokenKind.Star)
                {
                    starT = t++;
                    starN = n;
                }
                else if (starT >= 0)
                {
                    t = starT + 1;
                    n = ++starN;
                }
                else
                {
                    return false;
                }
            }
            while (t < _tokens.Length && _tokens[t].Kind == TokenKind.Star) t++;
            return t == _tokens.Length;
        }

        private bool MatchesOne(Token token, char c) => token.Kind switch
        {
            TokenKind.Literal => token.Char == c,
            TokenKind.AnyChar => true,
            TokenKind.Set => _sets[token.SetIndex].Contains(c),
            _ => false,
        };
    }

    /// <summary>A <c>[...]</c> set: single characters and ranges, possibly negated.</summary>
    private sealed class CharSet(char[] lows, char[] highs, bool negated)
    {
        public static CharSet? Compile(ReadOnlySpan<char> body, out string? error)
        {
            error = null;
            bool negated = body.Length > 0 && (body[0] == '!' || body[0] == '^');
            if (negated) body = body[1..];
            if (body.Length == 0)
            {
                error = "a '[...]' set must list at least one character";
                return null;
            }
            var lows = new List<char>();
            var highs = new List<char>();
            for (int i = 0; i < body.Length; i++)
            {
                char low = body[i];
                if (i + 2 < body.Length && body[i + 1] == '-')
                {
                    char high = body[i + 2];
                    if (high < low)
                    {
                        error = $"the range '{low}-{high}' in a '[...]' set is backwards; write '{high}-{low}'";
                        return null;
                    }
                    lows.Add(low);
                    highs.Add(high);
                    i += 2;
                }
                else
                {
                    lows.Add(low);
                    highs.Add(low);
                }
            }
            return new CharSet([.. lows], [.. highs], negated);
        }

        public bool Contains(char c)
        {
            bool found = false;
            for (int i = 0; i < lows.Length; i++)
            {
                if (c >= lows[i] && c <= highs[i]) { found = true; break; }
            }
            return found != negated;
        }
    }
}
