using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.LanguageServer.Tests.Infrastructure;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Tests.Abuse;

/// <summary>
/// A client-side copy of one open document: random LSP edits are applied to it exactly as the protocol defines
/// them, so the test always knows the text the server must have.
/// </summary>
internal sealed class DocumentModel(string text)
{
    /// <summary>Typed, pasted and deleted pieces, hostile characters included.</summary>
    private static readonly string[] Pieces =
    [
        "claim ", "source ", "actor ", "predicate ", "clam ", "IRGC", "Bashar", "Maher", "MET", "Sarkis", "WIB", "H1", "coup",
        "coup_attempt", "Nope", ".", ",", "(", ")", ":", " = ", "\"", "\"\"\"", "\"title\"", "/*", "*/", "// note", "/// doc",
        " on 2017-01-28", " on 2017-02-30", " confidence low", " confidence hgh", " credibility 7", " supports H1", " contradicts coup",
        " supersedes coup", "\n", "\n", "\n  ", "\r\n", "\r", " ", "\t", "é", "😀", "سوريا", "\u2028", "\0", "\uFEFF", "\uD800", "\uDC00",
        "\u202E", "\\", "\nclaim IRGC.coup_attempt(target: Bashar) on 2017-01 source MET confidence low\n", "\nsource NEW \"new\" reliability B\n",
    ];

    public string Text { get; private set; } = text;

    /// <summary>A random change, applied to <see cref="Text"/>, as the JSON of a content change.</summary>
    public JsonObject RandomChange(Random random)
    {
        if (random.Next(200) == 0)
        {
            // Now and then a whole new text, as clients without incremental sync send.
            Text = Text.Insert(random.Next(Text.Length + 1), Pieces[random.Next(Pieces.Length)]);
            return new JsonObject { ["text"] = Text };
        }
        var lines = LineStarts(Text);
        (int Line, int Character) RandomPosition() =>
            (random.Next(lines.Count + (random.Next(30) == 0 ? 2 : 0)), random.Next(4) == 0 ? 0 : random.Next(random.Next(30) == 0 ? 400 : 70));
        var a = RandomPosition();
        var b = random.Next(3) == 0 ? a : RandomPosition();
        int start = Offset(Text, lines, a), end = Offset(Text, lines, b);
        if (end < start)
        {
            (a, b) = (b, a);
            (start, end) = (end, start);
        }
        if (end - start > 30)
        {
            // Keep deletions small, or the document would soon be empty.
            end = start + random.Next(30);
            b = ToPosition(Text, end);
        }
        string insert = random.Next(3) == 0 ? "" : Pieces[random.Next(Pieces.Length)];
        Text = Text[..start] + insert + Text[end..];
        return LspTestClient.Edit(a.Line, a.Character, b.Line, b.Character, insert);
    }

    /// <summary>Line starts as LSP counts lines: LF, CR LF and CR end a line.</summary>
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        return starts;
    }

    /// <summary>A position's offset, clamped as the protocol asks (past the end of a line: its end; past the last line: the end).</summary>
    public static int Offset(string text, List<int> lines, (int Line, int Character) position)
    {
        if (position.Line >= lines.Count) return text.Length;
        int start = lines[position.Line];
        int end = position.Line + 1 < lines.Count ? lines[position.Line + 1] : text.Length;
        if (end > start && text[end - 1] == '\n') end--;
        if (end > start && text[end - 1] == '\r') end--;
        return start + Math.Min(position.Character, end - start);
    }

    public static (int Line, int Character) ToPosition(string text, int offset)
    {
        var lines = LineStarts(text);
        int line = lines.FindLastIndex(s => s <= offset);
        return (line, offset - lines[line]);
    }
}

/// <summary>What the server published, and what a fresh compilation says, in the same shape.</summary>
internal static class FreshCheck
{
    public static List<(string? Code, string? Message, (int, int) Start, (int, int) End)> Published(JsonElement parameters) =>
        parameters.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("code").GetString(),
            d.GetProperty("message").GetString(),
            Position(d.GetProperty("range").GetProperty("start")),
            Position(d.GetProperty("range").GetProperty("end")))).ToList();

    /// <summary>The diagnostics of <paramref name="relative"/> when its text is <paramref name="text"/> and the other files are as on disk.</summary>
    public static List<(string? Code, string? Message, (int, int) Start, (int, int) End)> Expected(TempWorkspace workspace, string relative, string text)
    {
        string path = workspace.PathOf(relative);
        var trees = new List<SyntaxTree> { SyntaxTree.Parse(text, path) };
        foreach (string file in Directory.GetFiles(workspace.Root, "*.claim"))
        {
            if (file != path) trees.Add(SyntaxTree.Parse(File.ReadAllText(file), file));
        }
        var configuration = ConfigurationLoader.LoadForWorkspace(workspace.Root);
        return Compilation.Create(trees, configuration.Options, workspace.Root).GetDiagnostics()
            .Where(d => d.Location.FilePath == path)
            .Select(d => ((string?)d.Id, (string?)d.Message, DocumentModel.ToPosition(text, d.Location.Span.Start), DocumentModel.ToPosition(text, d.Location.Span.End)))
            .ToList();
    }

    private static (int, int) Position(JsonElement position) =>
        (position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    /// <summary>The server still answers an ordinary request with a result.</summary>
    public static async Task AssertStillServesAsync(LspTestClient client)
    {
        var response = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
    }
}
