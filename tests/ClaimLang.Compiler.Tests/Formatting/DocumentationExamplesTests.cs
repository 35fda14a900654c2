using ClaimLang.Configuration;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Formatting;

/// <summary>
/// docs/formatting.md shows each rule as a <c>```claim before</c> block followed by a <c>```claim after</c> block
/// (the before block may say <c>width=N indent=N</c>). Each pair must be what the formatter does.
/// </summary>
public class DocumentationExamplesTests
{
    private static string DocumentPath => TestPaths.InRepo("docs", "formatting.md");

    public static TheoryData<int> ExampleNumbers()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ReadExamples().Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleNumbers))]
    public void The_documented_example_is_what_the_formatter_does(int number)
    {
        var example = ReadExamples()[number];
        string output = FormattingInvariants.AssertSafe(example.Before, example.Options);
        Assert.Equal(example.After, output);
    }

    [Fact]
    public void The_document_has_examples()
    {
        Assert.True(ReadExamples().Count >= 8);
    }

    private sealed record Example(string Before, string After, FormatOptions Options);

    private static List<Example> ReadExamples()
    {
        var lines = File.ReadAllLines(DocumentPath);
        var examples = new List<Example>();
        string? before = null;
        var options = FormatOptions.Default;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (!line.StartsWith("```claim ", StringComparison.Ordinal)) continue;
            var words = line["```claim ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int end = Array.IndexOf(lines, "```", i + 1);
            Assert.True(end > i, $"unclosed code block at line {i + 1}");
            string body = string.Concat(lines[(i + 1)..end].Select(l => l + "\n"));
            if (words[0] == "before")
            {
                Assert.Null(before);
                before = body;
                options = FormatOptions.Default;
                foreach (var word in words.Skip(1))
                {
                    var parts = word.Split('=');
                    options = parts[0] switch
                    {
                        "width" => options with { Width = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) },
                        "indent" => options with { Indent = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) },
                        _ => throw new InvalidOperationException("unknown example setting " + word),
                    };
                }
            }
            else
            {
                Assert.Equal("after", words[0]);
                Assert.NotNull(before);
                examples.Add(new Example(before, body, options));
                before = null;
            }
            i = end;
        }
        Assert.Null(before);
        return examples;
    }
}
