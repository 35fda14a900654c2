namespace ClaimLang.Emit;

/// <summary>The forms <c>claimc build --emit</c> writes a dataset in.</summary>
[Flags]
public enum EmitFormats
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>dataset.json</c>.</summary>
    Json = 1,

    /// <summary><c>dataset.jsonl</c> (JSON Lines).</summary>
    JsonLines = 2,

    /// <summary><c>csv/&lt;table&gt;.csv</c>, one RFC 4180 file per SQLite table.</summary>
    Csv = 4,

    /// <summary><c>dataset.db</c> (SQLite).</summary>
    Sqlite = 8,
}

/// <summary>The names of <see cref="EmitFormats"/> as written on the command line and in <c>claimlang.json</c>.</summary>
public static class EmitFormatNames
{
    /// <summary>The accepted names, in the order they are written and listed.</summary>
    public static IReadOnlyList<string> All { get; } = ["json", "jsonl", "csv", "sqlite"];

    /// <summary>Reads one name (exact, lower case).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out EmitFormats format)
    {
        switch (name)
        {
            case "json": format = EmitFormats.Json; return true;
            case "jsonl": format = EmitFormats.JsonLines; return true;
            case "csv": format = EmitFormats.Csv; return true;
            case "sqlite": format = EmitFormats.Sqlite; return true;
            default: format = EmitFormats.None; return false;
        }
    }

    /// <summary>
    /// Reads a list of names; every entry may itself be a comma-separated list (<c>json,csv</c>). Repeats are
    /// allowed and count once. False, with the offending entry, when a name is unknown or the list is empty.
    /// </summary>
    public static bool TryParse(IEnumerable<string> names, out EmitFormats formats, out string? bad)
    {
        ArgumentNullException.ThrowIfNull(names);
        formats = EmitFormats.None;
        bad = null;
        foreach (var entry in names)
        {
            foreach (var range in entry.AsSpan().Split(','))
            {
                var name = entry.AsSpan(range).Trim();
                if (!TryParse(name, out var format))
                {
                    bad = name.ToString();
                    formats = EmitFormats.None;
                    return false;
                }

                formats |= format;
            }
        }

        if (formats == EmitFormats.None)
        {
            bad = "";
            return false;
        }

        return true;
    }

    /// <summary>The names of the formats in <paramref name="formats"/>, in the canonical order.</summary>
    public static IReadOnlyList<string> Names(EmitFormats formats)
    {
        var result = new List<string>(4);
        foreach (var name in All)
        {
            TryParse(name, out var format);
            if ((formats & format) != 0) result.Add(name);
        }

        return result;
    }
}
