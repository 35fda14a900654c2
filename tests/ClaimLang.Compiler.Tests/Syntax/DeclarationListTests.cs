using System.Text;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Syntax;

/// <summary>
/// The declaration list of large files (a persistent tree of chunks): its accessors, and edits at chunk boundaries,
/// of many declarations at once and of huge files, each compared with a fresh parse of the edited text.
/// </summary>
public class DeclarationListTests
{
    private static string Lines(int from, int count)
    {
        var builder = new StringBuilder();
        for (int i = from; i < from + count; i++) builder.Append("claim S").Append(i).Append(".p source MET\n");
        return builder.ToString();
    }

    /// <summary>Where declaration <paramref name="line"/> of a <see cref="Lines"/> text starts (its lines may differ in length).</summary>
    private static int LineStart(string text, int line)
    {
        int at = 0;
        for (int i = 0; i < line; i++) at = text.IndexOf('\n', at) + 1;
        return at;
    }

    /// <summary>
    /// The tree has exactly the edited text; its declarations, starts, lookups and diagnostics are those of a fresh
    /// parse; and its declaration list keeps its shape (leaves at one depth, bounded sizes).
    /// </summary>
    private static void AssertMatchesFreshParse(SyntaxTree tree, string expectedText)
    {
        Assert.Equal(expectedText, tree.ToString());
        var fresh = SyntaxTree.Parse(expectedText);
        var list = tree.DeclarationList;
        Assert.Null(list.Validate());
        Assert.Equal(fresh.DeclarationCount, tree.DeclarationCount);
        Assert.Equal(fresh.DeclarationList.Flags, list.Flags);
        int position = 0;
        for (int i = 0; i < tree.DeclarationCount; i++)
        {
            var green = tree.GetGreenDeclaration(i);
            var freshGreen = fresh.GetGreenDeclaration(i);
            Assert.Equal(freshGreen.Kind, green.Kind);
            Assert.Equal(freshGreen.FullWidth, green.FullWidth);
            Assert.Equal(freshGreen.Flags, green.Flags);
            Assert.Equal(position, tree.GetDeclarationStart(i));
            Assert.Equal(i, tree.IndexOfDeclarationStartingAt(position));
            Assert.Equal(i, tree.FindDeclarationIndex(position));
            Assert.Equal(i, tree.FindDeclarationIndex(position + green.FullWidth - 1));
            position += green.FullWidth;
        }
        Assert.Equal(position, list.FullWidth);
        Assert.Equal(list.FullWidth, tree.GetDeclarationStart(tree.DeclarationCount));
        Assert.Equal(fresh.DeclarationStarts, tree.DeclarationStarts);
        Assert.Equal(fresh.GetDiagnostics().Select(d => d.ToString()), tree.GetDiagnostics().Select(d => d.ToString()));
    }

    private static SyntaxTree Edit(SyntaxTree tree, ref string text, int start, int length, string insert)
    {
        text = text.Remove(start, length).Insert(start, insert);
        return tree.WithChange(new TextSpan(start, length), insert);
    }

    [Fact]
    public void A_large_file_is_a_balanced_tree_of_chunks_with_the_declarations_in_order()
    {
        var text = Lines(0, 40_000);
        var tree = SyntaxTree.Parse(text);
        Assert.True(tree.DeclarationList.Height >= 2, "40 000 declarations should need more than one level of inner nodes");
        var leafStarts = tree.DeclarationList.LeafStarts();
        Assert.True(leafStarts.Count > 32);
        Assert.Equal(0, leafStarts[0]);
        AssertMatchesFreshParse(tree, text);
        // Positions past the end and before the start.
        Assert.Equal(tree.DeclarationCount - 1, tree.FindDeclarationIndex(text.Length + 10));
        Assert.Equal(0, tree.FindDeclarationIndex(-5));
        Assert.Equal(-1, tree.IndexOfDeclarationStartingAt(text.Length));
        Assert.Equal(-1, tree.IndexOfDeclarationStartingAt(3));
    }

    [Fact]
    public void An_empty_file_has_an_empty_declaration_list()
    {
        var tree = SyntaxTree.Parse("");
        Assert.Equal(0, tree.DeclarationCount);
        Assert.Equal(0, tree.FindDeclarationIndex(0));
        Assert.Equal(-1, tree.IndexOfDeclarationStartingAt(0));
        Assert.Empty(tree.DeclarationStarts);
        Assert.Empty(tree.GetRoot().Declarations);
        string text = "";
        tree = Edit(tree, ref text, 0, 0, Lines(0, 3000));
        AssertMatchesFreshParse(tree, text);
    }

    [Fact]
    public void Edits_at_every_chunk_boundary_equal_a_fresh_parse()
    {
        var text = Lines(0, 20_000);
        var tree = SyntaxTree.Parse(text);
        var boundaries = tree.DeclarationList.LeafStarts();
        Assert.True(boundaries.Count > 32);
        for (int b = boundaries.Count - 1; b >= 1; b--)
        {
            int boundary = boundaries[b];
            int at = LineStart(text, boundary);
            // Before the first character of the chunk's first declaration: it becomes a bad line.
            tree = Edit(tree, ref text, at, 0, "x");
            // Join it to the last declaration of the chunk before (delete the line break between them).
            tree = Edit(tree, ref text, at - 1, 1, "");
            // Split them again with a new declaration in between.
            tree = Edit(tree, ref text, at - 1, 0, "\nclaim New" + b + ".q source MET\n");
            // Typed at the end of the previous declaration and in its leading trivia.
            tree = Edit(tree, ref text, at - 2, 0, "y");
            // Delete the first character of a boundary declaration: "laim" is an error.
            int next = LineStart(text, boundary + 3);
            tree = Edit(tree, ref text, next, 1, "");
            if (b % 8 == 1) AssertMatchesFreshParse(tree, text);
        }
        AssertMatchesFreshParse(tree, text);
    }

    [Fact]
    public void Inserting_and_deleting_many_declarations_equal_a_fresh_parse()
    {
        var text = Lines(0, 20_000);
        var tree = SyntaxTree.Parse(text);

        // Paste a large block in the middle: many new chunks, inner nodes split.
        tree = Edit(tree, ref text, LineStart(text, 10_000), 0, Lines(100_000, 25_000));
        AssertMatchesFreshParse(tree, text);

        // Paste more at the start and at the end: the tree grows a level.
        tree = Edit(tree, ref text, 0, 0, Lines(200_000, 40_000));
        tree = Edit(tree, ref text, text.Length, 0, Lines(300_000, 1_000));
        AssertMatchesFreshParse(tree, text);
        int tallest = tree.DeclarationList.Height;

        // Delete a large range across many chunks.
        int from = LineStart(text, 5_000), to = LineStart(text, 70_000);
        tree = Edit(tree, ref text, from, to - from, "");
        AssertMatchesFreshParse(tree, text);

        // Replace a range with a different number of declarations, in the middle of lines.
        from = LineStart(text, 1_000) + 4;
        to = LineStart(text, 9_000) + 7;
        tree = Edit(tree, ref text, from, to - from, "x\n" + Lines(400_000, 3_000) + "claim Z");
        AssertMatchesFreshParse(tree, text);

        // Delete almost everything, then everything: the tree shrinks back to one chunk.
        from = LineStart(text, 2);
        tree = Edit(tree, ref text, from, text.Length - from - 10, "");
        AssertMatchesFreshParse(tree, text);
        Assert.True(tree.DeclarationList.Height < tallest);
        tree = Edit(tree, ref text, 0, text.Length, "");
        AssertMatchesFreshParse(tree, text);
        Assert.Equal(0, tree.DeclarationCount);

        // And grow it again from nothing.
        tree = Edit(tree, ref text, 0, 0, Lines(0, 5_000));
        tree = Edit(tree, ref text, LineStart(text, 2_500), 0, Lines(9_000, 5_000));
        AssertMatchesFreshParse(tree, text);
    }

    [Fact]
    public void Typing_declaration_by_declaration_at_one_place_equals_a_fresh_parse()
    {
        // Many small inserts at the same place make one chunk grow until it splits, again and again.
        var text = Lines(0, 3_000);
        var tree = SyntaxTree.Parse(text);
        int at = LineStart(text, 1_500);
        for (int i = 0; i < 4_000; i++)
        {
            string line = "claim T" + i + ".p source MET\n";
            tree = Edit(tree, ref text, at, 0, line);
            at += line.Length;
        }
        AssertMatchesFreshParse(tree, text);
        // And delete them one by one from the other end: chunks get small and are merged.
        for (int i = 0; i < 3_990; i++)
        {
            int start = text.LastIndexOf('\n', at - 2) + 1;
            tree = Edit(tree, ref text, start, at - start, "");
            at = start;
        }
        AssertMatchesFreshParse(tree, text);
    }

    [Fact]
    public void Random_edits_of_a_large_file_equal_a_fresh_parse()
    {
        var generator = new ClaimGenerator(2024);
        var random = new Random(2024);
        var text = generator.File(12_000);
        var tree = SyntaxTree.Parse(text);
        for (int i = 0; i < 60; i++)
        {
            if (i % 10 == 9)
            {
                // Now and then a large cut or paste.
                int start = random.Next(text.Length + 1);
                int length = Math.Min(text.Length - start, random.Next(0, 200_000));
                string insert = random.Next(2) == 0 ? "" : generator.File(random.Next(1, 3_000));
                tree = Edit(tree, ref text, start, length, insert);
            }
            else
            {
                var (start, length, insert) = generator.Edit(text);
                tree = Edit(tree, ref text, start, length, insert);
            }
            if (i % 3 == 2) AssertMatchesFreshParse(tree, text);
        }
        AssertMatchesFreshParse(tree, text);
    }

    [Fact]
    public void A_one_character_edit_of_a_huge_file_reuses_the_other_declarations()
    {
        var text = Lines(0, 100_000);
        var tree = SyntaxTree.Parse(text);
        int at = LineStart(text, 50_000) + "claim ".Length;
        var edited = Edit(tree, ref text, at, 0, "x");
        Assert.Equal(tree.DeclarationCount, edited.DeclarationCount);
        Assert.Equal(tree.DeclarationList.Height, edited.DeclarationList.Height);
        Assert.Null(edited.DeclarationList.Validate());
        int changed = 0;
        for (int i = 0; i < edited.DeclarationCount; i++)
        {
            if (!ReferenceEquals(tree.GetGreenDeclaration(i), edited.GetGreenDeclaration(i))) changed++;
        }
        Assert.Equal(1, changed);
        Assert.Equal("claim xS50000.p source MET\n", edited.GetGreenDeclaration(50_000).ToFullString());
        Assert.Equal(tree.GetDeclarationStart(50_001) + 1, edited.GetDeclarationStart(50_001));
        Assert.Equal(tree.GetDeclarationStart(50_000), edited.GetDeclarationStart(50_000));
        AssertMatchesFreshParse(edited, text);
    }

    [Fact]
    public void Red_declarations_of_a_large_file_are_created_on_demand_at_their_positions()
    {
        var text = Lines(0, 30_000);
        var tree = SyntaxTree.Parse(text);
        var declarations = tree.GetRoot().Declarations;
        Assert.Equal(30_000, declarations.Count);
        foreach (int i in new[] { 0, 1, 255, 256, 257, 511, 512, 14_999, 29_743, 29_999 })
        {
            var declaration = declarations[i];
            Assert.Same(declaration, declarations[i]);
            Assert.Equal(tree.GetDeclarationStart(i), declaration.Position);
            Assert.Equal("claim S" + i + ".p source MET\n", declaration.ToFullString());
            var token = tree.GetRoot().FindToken(declaration.Position + 8);
            Assert.Contains(declaration, token.Parent!.Ancestors(includeSelf: true));
        }
        int position = 0, index = 0;
        foreach (var declaration in declarations)
        {
            Assert.Equal(position, declaration.Position);
            position = declaration.EndPosition;
            index++;
        }
        Assert.Equal(30_000, index);
    }
}
