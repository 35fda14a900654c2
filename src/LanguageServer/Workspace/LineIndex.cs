using ClaimLang.LanguageServer.Protocol;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Workspace;

/// <summary>
/// Line starts of a text as LSP counts lines: only LF, CR LF and CR end a line (Roslyn's <see cref="SourceText.Lines"/>
/// also breaks at U+0085, U+2028 and U+2029, which would put every later position on the wrong line). Characters are
/// UTF-16 code units, which is what both <see cref="SourceText"/> and LSP count, so offsets map directly.
/// Positions out of range are clamped: a line past the end means the end of the text, a character past the end of
/// its line means the end of that line.
/// </summary>
internal sealed class LineIndex
{
    private readonly int[] _starts;
    private readonly int _length;
    private readonly SourceText _text;

    private LineIndex(SourceText text, int[] starts)
    {
        _text = text;
        _starts = starts;
        _length = text.Length;
    }

    public int LineCount => _starts.Length;

    public static LineIndex Create(SourceText text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        const int BlockSize = 8192;
        var block = new char[BlockSize];
        bool pendingCr = false;
        for (int blockStart = 0; blockStart < text.Length; blockStart += BlockSize)
        {
            int count = Math.Min(BlockSize, text.Length - blockStart);
            text.CopyTo(blockStart, block, 0, count);
            var span = block.AsSpan(0, count);
            int i = 0;
            if (pendingCr)
            {
                // The previous block ended with CR: a line starts after it, or after the LF that completes it.
                pendingCr = false;
                starts.Add(blockStart + (span[0] == '\n' ? 1 : 0));
                if (span[0] == '\n') i = 1;
            }
            while (i < count)
            {
                int next = span[i..].IndexOfAny('\r', '\n');
                if (next < 0) break;
                i += next;
                if (span[i] == '\n')
                {
                    starts.Add(blockStart + i + 1);
                    i++;
                }
                else if (i + 1 < count)
                {
                    i += span[i + 1] == '\n' ? 2 : 1;
                    starts.Add(blockStart + i);
                }
                else
                {
                    pendingCr = true;
                    i++;
                }
            }
        }
        if (pendingCr) starts.Add(text.Length);
        return new LineIndex(text, starts.ToArray());
    }

    /// <summary>The 0-based line that holds <paramref name="offset"/>.</summary>
    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int lo = 0, hi = _starts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (_starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public int GetLineStart(int line) => _starts[Math.Clamp(line, 0, _starts.Length - 1)];

    /// <summary>The end of a line's content (before its line break).</summary>
    public int GetLineEnd(int line)
    {
        line = Math.Clamp(line, 0, _starts.Length - 1);
        int end = line + 1 < _starts.Length ? _starts[line + 1] : _length;
        int start = _starts[line];
        if (end > start && _text[end - 1] == '\n') end--;
        if (end > start && _text[end - 1] == '\r') end--;
        return end;
    }

    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = GetLine(offset);
        return new Position(line, offset - _starts[line]);
    }

    public LspRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>The offset of a position, clamped into the text.</summary>
    public int GetOffset(Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _starts.Length) return _length;
        int start = _starts[position.Line];
        int end = GetLineEnd(position.Line);
        return start + Math.Clamp(position.Character, 0, end - start);
    }

    /// <summary>The span of a range; a reversed range is taken as empty at its start.</summary>
    public TextSpan GetSpan(LspRange range)
    {
        int start = GetOffset(range.Start);
        int end = GetOffset(range.End);
        return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
    }
}
