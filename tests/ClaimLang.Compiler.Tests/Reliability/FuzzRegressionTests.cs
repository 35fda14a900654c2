using ClaimLang.Tests.Reliability.Fuzzing;

namespace ClaimLang.Tests.Reliability;

/// <summary>Inputs the fuzzer found (minimised), kept so that the bugs they showed stay fixed.</summary>
public class FuzzRegressionTests
{
    [Theory]
    // Text typed in front of a byte-order mark: the BOM stops being trivia, so the declaration after it must be parsed again.
    [InlineData("\uFEFFpredicate p\nactor A \"a\"\n", 0, 0, "\nclaim A0.p source S0\n")]
    [InlineData("\uFEFFclaim A.p source S\n", 0, 0, "x")]
    // Deleting what stands before a BOM makes it the file's BOM: the declaration it starts is no longer skipped.
    [InlineData("x\n\uFEFFclaim A.p source S\n", 0, 2, "")]
    [InlineData("// c\n\uFEFFsource S \"s\"\n", 0, 5, "")]
    public void Edits_that_move_a_byte_order_mark_to_or_from_the_start_reparse_it(string text, int at, int length, string insert) =>
        CompilerProperties.IncrementalEqualsFull(new EditCase(text, [new TextEditSeed(at, length, insert)], batched: false));
}
