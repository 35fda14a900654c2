using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Syntax;

/// <summary>An edited tree equals a fresh parse of the edited text, and reuses the declarations the edit did not touch.</summary>
public class IncrementalParsingTests
{
    private static string Describe(SyntaxTree tree) =>
        SyntaxPrinter.Print(tree.GetRoot()) + string.Join("\n", tree.GetDiagnostics().Select(d => d.ToString()));

    [Fact]
    public void Thousands_of_random_edits_equal_a_fresh_parse()
    {
        var generator = new ClaimGenerator(42);
        for (int round = 0; round < 40; round++)
        {
            var text = generator.File(30);
            var tree = SyntaxTree.Parse(text);
            for (int i = 0; i < 100; i++)
            {
                var (start, length, insert) = generator.Edit(text);
                var newTree = tree.WithChange(new TextSpan(start, length), insert);
                text = text.Remove(start, length).Insert(start, insert);
                Assert.Equal(text, newTree.ToString());
                var fresh = SyntaxTree.Parse(text);
                Assert.Equal(Describe(fresh), Describe(newTree));
                tree = newTree;
            }
        }
    }

    [Fact]
    public void Several_changes_at_once_equal_a_fresh_parse()
    {
        var generator = new ClaimGenerator(7);
        var text = generator.File(40);
        var tree = SyntaxTree.Parse(text);
        var sourceText = tree.Text;
        for (int i = 0; i < 200; i++)
        {
            int a = i * 7 % Math.Max(1, sourceText.Length / 2);
            int b = Math.Min(sourceText.Length, a + sourceText.Length / 3);
            var changed = sourceText.WithChanges(new TextChange(new TextSpan(a, 0), "x"), new TextChange(new TextSpan(b, 0), "\n  y"));
            var newTree = tree.WithChangedText(changed);
            Assert.Equal(Describe(SyntaxTree.Parse(changed.ToString())), Describe(newTree));
            tree = newTree;
            sourceText = changed;
        }
    }

    [Fact]
    public void A_one_character_edit_reuses_every_other_declaration()
    {
        var generator = new ClaimGenerator(9);
        var random = new Random(9);
        for (int round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"claim S{i}.p source MET confidence low\n"));
            var tree = SyntaxTree.Parse(text);
            // Insert a letter into a random name: only that declaration may change.
            int line = random.Next(200);
            int position = text.IndexOf($"S{line}.", StringComparison.Ordinal) + 1;
            var newTree = tree.WithChange(new TextSpan(position, 0), "z");
            var oldDeclarations = tree.GetRoot().Declarations.Select(d => d.Green).ToHashSet(ReferenceEqualityComparer.Instance);
            int reused = newTree.GetRoot().Declarations.Count(d => oldDeclarations.Contains(d.Green));
            Assert.True(reused >= 198, $"only {reused} of 200 declarations were reused");
            Assert.Equal(Describe(SyntaxTree.Parse(newTree.ToString())), Describe(newTree));
            _ = generator;
        }
    }

    [Fact]
    public void Typing_an_indent_joins_a_line_to_the_declaration_above()
    {
        var text = "claim A.b source S\n\nclaim C.d source S\n";
        var tree = SyntaxTree.Parse(text);
        var edited = tree.WithChange(new TextSpan(20, 0), "  ");
        Assert.Single(edited.GetRoot().Declarations);
        Assert.Equal(Describe(SyntaxTree.Parse(edited.ToString())), Describe(edited));
    }

    [Fact]
    public void Opening_a_raw_string_reparses_to_the_end_when_needed()
    {
        var text = "claim A.b source S\nclaim C.d source S\nclaim E.f source S\n";
        var tree = SyntaxTree.Parse(text);
        var edited = tree.WithChange(new TextSpan(19 + 18, 0), " quote \"\"\"");
        Assert.Equal(Describe(SyntaxTree.Parse(edited.ToString())), Describe(edited));
        var closed = edited.WithChange(new TextSpan(edited.Text.Length, 0), "\"\"\"");
        Assert.Equal(Describe(SyntaxTree.Parse(closed.ToString())), Describe(closed));
    }
}
