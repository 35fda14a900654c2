using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.LanguageServer.Tests.Infrastructure;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>
/// Long runs of random edits (range edits, whole-text replacements, several changes per notification, positions
/// out of range, CR/LF/CRLF, surrogate pairs) must leave the server exactly where a fresh check of the final text is.
/// </summary>
public sealed class IncrementalEditTests
{
    private static readonly string[] Pieces =
    [
        "claim ", "source ", "actor ", "place ", "predicate ", "hypothesis ", "clam ",
        "IRGC", "Bashar", "Maher", "MET", "Sarkis", "WIB", "H1", "coup", "coup_attempt", "Nope",
        ".", ",", "(", ")", ":", " = ", "\"", "\"\"\"", "\"title\"", "/*", "*/", "// note", "/// doc",
        " on 2017-01-28", " on 2017-02-30", " 2017-1-28", " confidence low", " confidence hgh", " credibility 7",
        " reliability C", " supports H1", " contradicts coup", " supersedes coup", " quote \"x\"",
        "\n", "\n", "\n  ", "\r\n", "\r", "  ", " ", "\t", "é", "😀", "سوريا", "\u2028",
        "\nclaim IRGC.coup_attempt(target: Bashar) on 2017-01 source MET confidence low\n",
        "\nsource NEW \"new\" reliability B\n",
        "\n// claimlang-disable-next-line CLM3006\n",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_edits_end_where_a_fresh_check_does(int seed)
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string uri = workspace.Uri("claims.claim");
        string text = File.ReadAllText(workspace.PathOf("claims.claim"));
        string initial = text;
        client.Open(uri, text);

        var random = new Random(seed);
        int version = 1;
        for (int step = 0; step < 250; step++)
        {
            int count = random.Next(10) == 0 ? random.Next(2, 5) : 1;
            var changes = new List<JsonObject>();
            for (int c = 0; c < count; c++) changes.Add(RandomChange(random, ref text));
            client.Change(uri, ++version, [.. changes]);
        }

        Assert.NotEqual(initial, text);
        var published = await client.WaitForDiagnosticsAsync(uri, version);
        var actual = published.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("code").GetString(),
            d.GetProperty("message").GetString(),
            Position(d.GetProperty("range").GetProperty("start")),
            Position(d.GetProperty("range").GetProperty("end")))).ToList();

        // A fresh compilation of the final text with the other files from disk.
        var trees = new List<SyntaxTree> { SyntaxTree.Parse(text, workspace.PathOf("claims.claim")) };
        foreach (string file in Directory.GetFiles(workspace.Root, "*.claim"))
        {
            if (file != workspace.PathOf("claims.claim")) trees.Add(SyntaxTree.Parse(File.ReadAllText(file), file));
        }
        var configuration = ConfigurationLoader.LoadForWorkspace(workspace.Root);
        var expected = Compilation.Create(trees, configuration.Options, workspace.Root).GetDiagnostics()
            .Where(d => d.Location.FilePath == workspace.PathOf("claims.claim"))
            .Select(d => ((string?)d.Id, (string?)d.Message, LspPosition(text, d.Location.Span.Start), LspPosition(text, d.Location.Span.End)))
            .ToList();
        Assert.Equal(expected, actual);

        // The server's text is the same too: a fresh server given the final text sends the same semantic tokens.
        await using var fresh = await LspTestClient.StartAsync(workspace.Root);
        fresh.Open(uri, text);
        var incrementalTokens = await client.ResultAsync("textDocument/semanticTokens/full", LspTestClient.Document(uri));
        var freshTokens = await fresh.ResultAsync("textDocument/semanticTokens/full", LspTestClient.Document(uri));
        Assert.Equal(freshTokens.GetProperty("data").ToString(), incrementalTokens.GetProperty("data").ToString());
        var incrementalSymbols = await client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        var freshSymbols = await fresh.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        Assert.Equal(freshSymbols.ToString(), incrementalSymbols.ToString());
    }

    private static (int, int) Position(JsonElement position) =>
        (position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

    /// <summary>Makes one change, applies it to <paramref name="text"/> the way LSP defines it, and returns it as JSON.</summary>
    private static JsonObject RandomChange(Random random, ref string text)
    {
        int kind = random.Next(100);
        if (kind < 3)
        {
            // A whole new text (as clients without incremental sync send), usually close to the old one.
            string replacement = text.Length > 0 && random.Next(2) == 0
                ? text.Insert(random.Next(text.Length + 1), Pieces[random.Next(Pieces.Length)])
                : Samples.Normalize(Samples.Claims);
            text = replacement;
            return new JsonObject { ["text"] = replacement };
        }

        var lines = LineStarts(text);
        (int Line, int Character) RandomPosition()
        {
            int line = random.Next(lines.Count + (random.Next(20) == 0 ? 3 : 0));
            int character = random.Next(4) == 0 ? 0 : random.Next(60 + (random.Next(20) == 0 ? 200 : 0));
            return (line, character);
        }
        var a = RandomPosition();
        var b = random.Next(3) == 0 ? a : RandomPosition();
        int start = Offset(text, lines, a), end = Offset(text, lines, b);
        if (end < start)
        {
            (a, b) = (b, a);
            (start, end) = (end, start);
        }
        if (end - start > 40 && random.Next(2) == 0)
        {
            b = LspPosition(text, start + random.Next(40));
            end = Offset(text, lines, b);
        }
        string insert = kind < 35 ? "" : Pieces[random.Next(Pieces.Length)];
        text = text[..start] + insert + text[end..];
        return LspTestClient.Edit(a.Line, a.Character, b.Line, b.Character, insert);
    }

    /// <summary>Line starts as LSP counts lines: LF, CR LF and CR end a line.</summary>
    private static List<int> LineStarts(string text)
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
    private static int Offset(string text, List<int> lines, (int Line, int Character) position)
    {
        if (position.Line >= lines.Count) return text.Length;
        int start = lines[position.Line];
        int end = position.Line + 1 < lines.Count ? lines[position.Line + 1] : text.Length;
        if (end > start && text[end - 1] == '\n') end--;
        if (end > start && text[end - 1] == '\r') end--;
        return start + Math.Min(position.Character, end - start);
    }

    private static (int Line, int Character) LspPosition(string text, int offset)
    {
        var lines = LineStarts(text);
        int line = lines.FindLastIndex(s => s <= offset);
        return (line, offset - lines[line]);
    }
}
