using System.Text;
using System.Text.Json;

namespace ClaimLang.Bench.Workload;

/// <summary>Writes a <see cref="DeclarationModel"/> as ClaimLang text, wrapping long declarations onto indented lines.</summary>
internal static class ClaimTextRenderer
{
    private const int WrapColumn = 100;

    public static void Render(DeclarationModel d, StringBuilder output)
    {
        if (d.Comment is not null) output.Append("// ").Append(d.Comment).Append('\n');
        if (d.Doc is not null) output.Append("/// ").Append(d.Doc).Append('\n');
        var line = new LineWrapper(output);
        switch (d.Kind)
        {
            case "claim":
                RenderClaim(d, ref line);
                break;
            case "predicate":
                RenderPredicate(d, ref line);
                break;
            default:
                line.Start((d.Keyword ?? d.Kind) + " " + d.Name + " " + Quote(d.Title!));
                foreach (var (keyword, value, quoted) in d.Clauses) line.Add(keyword + " " + (quoted ? Quote(value) : value));
                if (d.Aka is { Count: > 0 }) line.Add("aka " + string.Join(", ", d.Aka.Select(Quote)));
                if (d.Cites is { Count: > 0 }) line.Add("cites " + string.Join(", ", d.Cites));
                break;
        }
        output.Append('\n');
    }

    private static void RenderPredicate(DeclarationModel d, ref LineWrapper line)
    {
        var head = new StringBuilder("predicate ").Append(d.Name);
        if (d.Parameters is { Count: > 0 } parameters)
        {
            head.Append('(');
            for (int i = 0; i < parameters.Count; i++)
            {
                if (i > 0) head.Append(", ");
                head.Append(parameters[i].Name).Append(": ").Append(parameters[i].Type);
            }
            head.Append(')');
        }
        line.Start(head.ToString());
        if (d.Title is not null) line.Add(Quote(d.Title));
    }

    private static void RenderClaim(DeclarationModel d, ref LineWrapper line)
    {
        var head = new StringBuilder(d.Keyword ?? "claim").Append(' ');
        if (d.Label is not null) head.Append(d.Label).Append(" = ");
        head.Append(d.Subject).Append('.').Append(d.Predicate);
        if (d.Arguments is { Count: > 0 } arguments)
        {
            head.Append('(');
            for (int i = 0; i < arguments.Count; i++)
            {
                if (i > 0) head.Append(", ");
                var a = arguments[i];
                if (a.Name is not null) head.Append(a.Name).Append(": ");
                head.Append(a.Kind == ArgumentKind.Text ? Quote(a.Value) : a.Value);
            }
            head.Append(')');
        }
        line.Start(head.ToString());
        if (d.Date is not null) line.Add("on " + d.Date);
        if (d.Sources is { Count: > 0 }) line.Add("source " + string.Join(", ", d.Sources));
        if (d.Confidence is not null) line.Add((d.ConfidenceKeyword ?? "confidence") + " " + d.Confidence);
        if (d.Credibility is not null) line.Add("credibility " + d.Credibility);
        if (d.At is not null) line.Add("at " + d.At);
        if (d.Contradicts is { Count: > 0 }) line.Add("contradicts " + string.Join(", ", d.Contradicts));
        if (d.Supports is { Count: > 0 }) line.Add("supports " + string.Join(", ", d.Supports));
        if (d.Supersedes is not null) line.Add("supersedes " + d.Supersedes);
        if (d.Tags is { Count: > 0 }) line.Add("tags " + string.Join(", ", d.Tags));
        if (d.Quote is not null) line.Add("quote " + Quote(d.Quote));
        // A note is last: an unterminated one then runs to the end of its line only.
        if (d.Note is not null) line.Add("note " + (d.NoteUnterminated ? "\"" + d.Note : Quote(d.Note)));
    }

    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Appends clauses to the current line, starting an indented continuation line past the wrap column.</summary>
    private struct LineWrapper(StringBuilder output)
    {
        private int _lineLength;

        public void Start(string head)
        {
            output.Append(head);
            _lineLength = head.Length;
        }

        public void Add(string clause)
        {
            if (_lineLength + 1 + clause.Length > WrapColumn)
            {
                output.Append("\n  ").Append(clause);
                _lineLength = 2 + clause.Length;
            }
            else
            {
                output.Append(' ').Append(clause);
                _lineLength += 1 + clause.Length;
            }
        }
    }
}

/// <summary>Writes a <see cref="DeclarationModel"/> as one JSON object (the JSON peer's view of the same declaration).</summary>
internal static class ClaimJsonRenderer
{
    public static void Render(DeclarationModel d, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", d.Kind);
        if (d.Keyword is not null && d.Keyword != d.Kind) w.WriteString("keyword", d.Keyword);
        if (d.Doc is not null) w.WriteString("doc", d.Doc);
        if (d.Comment is not null) w.WriteString("comment", d.Comment);
        if (d.Name is not null) w.WriteString("name", d.Name);
        if (d.Title is not null) w.WriteString(d.Kind == "predicate" ? "description" : "title", d.Title);
        foreach (var (keyword, value, _) in d.Clauses) w.WriteString(keyword, value);
        WriteList(w, "aka", d.Aka);
        WriteList(w, "cites", d.Cites);
        if (d.Parameters is { } parameters)
        {
            w.WriteStartArray("params");
            foreach (var (name, type) in parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("type", type);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (d.Label is not null) w.WriteString("label", d.Label);
        if (d.Subject is not null) w.WriteString("subject", d.Subject);
        if (d.Predicate is not null) w.WriteString("predicate", d.Predicate);
        if (d.Arguments is { } arguments)
        {
            w.WriteStartArray("args");
            foreach (var a in arguments)
            {
                w.WriteStartObject();
                if (a.Name is not null) w.WriteString("name", a.Name);
                if (a.Kind == ArgumentKind.Number) w.WriteNumber("value", decimal.Parse(a.Value, System.Globalization.CultureInfo.InvariantCulture));
                else w.WriteString("value", a.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (d.Date is not null) w.WriteString("on", d.Date);
        WriteList(w, "sources", d.Sources);
        if (d.Confidence is not null) w.WriteString("confidence", d.Confidence);
        if (d.Credibility is not null) w.WriteString("credibility", d.Credibility);
        if (d.At is not null) w.WriteString("at", d.At);
        WriteList(w, "contradicts", d.Contradicts);
        WriteList(w, "supports", d.Supports);
        if (d.Supersedes is not null) w.WriteString("supersedes", d.Supersedes);
        WriteList(w, "tags", d.Tags);
        if (d.Quote is not null) w.WriteString("quote", d.Quote);
        if (d.Note is not null) w.WriteString("note", d.Note);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, List<string>? items)
    {
        if (items is null) return;
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }
}
