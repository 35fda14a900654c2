using System.Diagnostics;
using ClaimLang.Tests.Reliability.Fuzzing;

namespace ClaimLang.Fuzz;

/// <summary>
/// Shrinks a failing input further than FsCheck's structural shrinking can (its mutations leave text the model
/// cannot describe): delta debugging over each file, first by lines, then by characters, keeping a candidate
/// only when it fails the same way (same <see cref="FuzzContext.Signature"/>).
/// </summary>
internal static class Minimizer
{
    public static (string[] Texts, int Checks) Minimize(FailingInput input, TimeSpan budget, int maxChecks)
    {
        var clock = Stopwatch.StartNew();
        int checks = 0;
        var texts = (string[])input.Texts.Clone();

        bool StillFails(string[] candidate)
        {
            if (checks >= maxChecks || clock.Elapsed > budget) return false;
            checks++;
            try
            {
                input.Recheck(candidate);
                return false;
            }
            catch (Exception e)
            {
                return FuzzContext.Signature(e) == input.Signature;
            }
        }

        // Files the failure does not need become empty (the paths stay: the check takes the same files).
        for (int i = 0; i < texts.Length && texts.Length > 1; i++)
        {
            if (texts[i].Length == 0) continue;
            var candidate = (string[])texts.Clone();
            candidate[i] = "";
            if (StillFails(candidate)) texts = candidate;
        }
        for (int i = 0; i < texts.Length; i++)
        {
            int file = i;
            bool Fails(string text)
            {
                var candidate = (string[])texts.Clone();
                candidate[file] = text;
                return StillFails(candidate);
            }
            texts[i] = DeltaDebug(Lines(texts[i]), Fails);
            texts[i] = DeltaDebug(texts[i].Select(c => c.ToString()).ToList(), Fails);
        }
        return (texts, checks);
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break (so concatenating them gives the text back).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Zeller's ddmin over <paramref name="units"/>: removes ever smaller chunks while the failure stays.</summary>
    private static string DeltaDebug(List<string> units, Func<string, bool> fails)
    {
        int n = 2;
        while (units.Count >= 2)
        {
            int chunk = (units.Count + n - 1) / n;
            bool reduced = false;
            for (int start = 0; start < units.Count; start += chunk)
            {
                var candidate = new List<string>(units.Count);
                candidate.AddRange(units.Take(start));
                candidate.AddRange(units.Skip(start + chunk));
                if (fails(string.Concat(candidate)))
                {
                    units = candidate;
                    n = Math.Max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (reduced) continue;
            if (n >= units.Count) break;
            n = Math.Min(units.Count, n * 2);
        }
        if (units.Count == 1 && fails("")) return "";
        return string.Concat(units);
    }
}
