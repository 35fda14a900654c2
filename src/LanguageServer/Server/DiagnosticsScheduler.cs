using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Server;

/// <summary>
/// Re-checks the workspace in the background after changes and publishes diagnostics. A change made while the
/// scheduler is idle is checked at once; a change that arrives while a check is running cancels it, and the check
/// after a cancelled one waits until changes pause for a short delay (so that a burst of keystrokes is checked once).
/// Only projects whose snapshot changed are checked again; a file is published when its diagnostics differ from
/// what was last sent or (for an open document) its version moved on, and a file that has gone from the workspace,
/// or from the project that reported on it, gets an empty list.
/// </summary>
internal sealed class DiagnosticsScheduler
{
    // The fingerprint is the diagnostics as published (UTF-8 JSON): compared byte for byte, so a change is never missed.
    private sealed record Published(string Uri, int? Version, byte[] Fingerprint, string ProjectId);

    private readonly Func<WorkspaceSnapshot> _current;
    private readonly Action<PublishDiagnosticsParams> _publish;
    private readonly Action<bool> _checked;
    private readonly Action<int, string> _log;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Published> _published = new(DocumentKeys.Comparer);
    private readonly Dictionary<string, ProjectSnapshot> _checkedProjects = new(StringComparer.Ordinal);
    private CancellationTokenSource? _work;
    private readonly System.Buffers.ArrayBufferWriter<byte> _fingerprint = new(1 << 16);
    // What each published file's diagnostics were made from at the last check: the compiler's diagnostics and the
    // texts of the files they point into. When all are the same, the file's output is the same and is not redone.
    private readonly Dictionary<string, Basis> _bases = new(DocumentKeys.Comparer);

    private sealed record Basis(string ProjectId, List<Diagnostic> Diagnostics, (string Key, object? Text)[] Texts);
    private static readonly byte[] EmptyList = "[]"u8.ToArray();
    private int _requests;
    private Task? _loop;

    public DiagnosticsScheduler(Func<WorkspaceSnapshot> current, Action<PublishDiagnosticsParams> publish, Action<bool> onChecked,
        Action<int, string> log, TimeSpan delay)
    {
        _current = current;
        _publish = publish;
        _checked = onChecked;
        _log = log;
        _delay = delay;
    }

    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Asks for a check of the current snapshot; cancels a check of an older one.</summary>
    public void Request()
    {
        Interlocked.Increment(ref _requests);
        try
        {
            Volatile.Read(ref _work)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public async Task StopAsync()
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task LoopAsync()
    {
        var stop = _stop.Token;
        bool interrupted = false;
        while (!stop.IsCancellationRequested)
        {
            await _signal.WaitAsync(stop).ConfigureAwait(false);
            while (_signal.CurrentCount > 0) await _signal.WaitAsync(stop).ConfigureAwait(false);
            int seen = Volatile.Read(ref _requests);
            // When idle, a change is checked at once (the keystroke's diagnostics come as soon as they can); after a
            // change that cancelled a check, the user is typing faster than checks finish, so the next check waits
            // until changes pause for the delay.
            if (interrupted)
            {
                interrupted = false;
                do
                {
                    seen = Volatile.Read(ref _requests);
                    if (_delay > TimeSpan.Zero) await Task.Delay(_delay, stop).ConfigureAwait(false);
                }
                while (Volatile.Read(ref _requests) != seen);
            }

            using var work = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Volatile.Write(ref _work, work);
            if (Volatile.Read(ref _requests) != seen) work.Cancel();
            try
            {
                bool changed = Check(_current(), work.Token);
                _checked(changed);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                // A newer change arrived; its signal starts the next round.
                interrupted = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log(MessageType.Error, "checking the workspace failed: " + e);
            }
            finally
            {
                Volatile.Write(ref _work, null);
            }
        }
    }

    /// <summary>
    /// Checks the projects that changed since the last check. True when an open document may now show stale
    /// semantic results (tokens, lenses, hints) although its own text did not change: a change in another file of
    /// its project, or a project that went away; the client is then asked to refresh them.
    /// </summary>
    internal bool Check(WorkspaceSnapshot snapshot, CancellationToken cancellationToken)
    {
        bool any = false;
        // Projects that are gone: everything they reported is withdrawn (unless another project now reports it).
        foreach (string id in _checkedProjects.Keys.ToList())
        {
            if (snapshot.Projects.ContainsKey(id)) continue;
            _checkedProjects.Remove(id);
            any = true;
            foreach (var (key, entry) in _published.ToList())
            {
                if (entry.ProjectId != id || snapshot.ProjectOfDocument.ContainsKey(key)) continue;
                Withdraw(key, entry);
            }
        }

        foreach (var project in snapshot.Projects.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (_checkedProjects.TryGetValue(project.Id, out var last) && ReferenceEquals(last, project)) continue;
            foreach (var document in project.Documents.Values)
            {
                // An open document that is the same as before, in a project that changed around it.
                if (document.IsOpen && last is not null && last.Documents.TryGetValue(document.Key, out var before)
                    && ReferenceEquals(before.Tree, document.Tree) && before.Version == document.Version)
                {
                    any = true;
                    break;
                }
            }
            var outputs = Compute(snapshot, project, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            foreach (var (key, entry) in _published.ToList())
            {
                if (entry.ProjectId != project.Id || outputs.ContainsKey(key)) continue;
                if (snapshot.ProjectOfDocument.TryGetValue(key, out string? owner) && owner != project.Id) continue;
                Withdraw(key, entry);
            }
            foreach (var (key, output) in outputs)
            {
                if (output.Diagnostics is null) continue; // made from the same inputs as what was last published
                var fingerprint = Fingerprint(output.Diagnostics);
                _published.TryGetValue(key, out var previous);
                bool publish = previous is null
                    ? output.Diagnostics.Count > 0 || output.Version is not null
                    : !fingerprint.SequenceEqual(previous.Fingerprint) || previous.Version != output.Version || previous.Uri != output.Uri;
                if (!publish)
                {
                    // Same diagnostics, but the document may have moved here from another project: adopt it.
                    if (previous is not null && previous.ProjectId != project.Id) _published[key] = previous with { ProjectId = project.Id };
                    continue;
                }
                _publish(new PublishDiagnosticsParams { Uri = output.Uri, Version = output.Version, Diagnostics = output.Diagnostics });
                _published[key] = new Published(output.Uri, output.Version,
                    previous is not null && fingerprint.SequenceEqual(previous.Fingerprint) ? previous.Fingerprint : fingerprint.ToArray(), project.Id);
            }
            _checkedProjects[project.Id] = project;
        }
        return any;
    }

    private void Withdraw(string key, Published entry)
    {
        if (!entry.Fingerprint.AsSpan().SequenceEqual(EmptyList)) _publish(new PublishDiagnosticsParams { Uri = entry.Uri, Diagnostics = [] });
        _published.Remove(key);
        _bases.Remove(key);
    }

    /// <summary>The diagnostics serialised into a buffer that is reused from file to file (valid until the next call).</summary>
    private ReadOnlySpan<byte> Fingerprint(List<LspDiagnostic> diagnostics)
    {
        _fingerprint.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_fingerprint))
        {
            JsonSerializer.Serialize(writer, diagnostics, LspJson.Options);
        }
        return _fingerprint.WrittenSpan;
    }

    /// <summary>What to publish for a file; <see cref="Diagnostics"/> is null when nothing it depends on changed.</summary>
    private sealed record Output(string Uri, int? Version, List<LspDiagnostic>? Diagnostics);

    private Dictionary<string, Output> Compute(WorkspaceSnapshot snapshot, ProjectSnapshot project, CancellationToken cancellationToken)
    {
        var byFile = new Dictionary<string, List<Diagnostic>>(DocumentKeys.Comparer);
        foreach (var document in project.Documents.Values) byFile[document.Key] = [];
        foreach (var diagnostic in project.GetDiagnostics(cancellationToken))
        {
            // A file the project does not hold (its claimlang.json) is reported under its own URI.
            string key = diagnostic.Location.FilePath;
            if (!byFile.TryGetValue(key, out var list)) byFile[key] = list = [];
            list.Add(diagnostic);
        }

        var outputs = new Dictionary<string, Output>(DocumentKeys.Comparer);
        foreach (var (key, diagnostics) in byFile)
        {
            var document = project.Documents.GetValueOrDefault(key);
            string uri = document?.Uri ?? DocumentKeys.ToUri(key);
            int? version = document?.Version;
            var texts = TextsOf(key, diagnostics, snapshot);
            if (_bases.TryGetValue(key, out var basis) && basis.ProjectId == project.Id && SameTexts(basis.Texts, texts)
                && SameDiagnostics(basis.Diagnostics, diagnostics)
                && _published.TryGetValue(key, out var published) && published.ProjectId == project.Id && published.Uri == uri && published.Version == version)
            {
                outputs[key] = new Output(uri, version, null);
                continue;
            }
            var converted = new List<LspDiagnostic>(diagnostics.Count);
            var lines = document?.Lines;
            foreach (var diagnostic in diagnostics) converted.Add(DiagnosticConverter.Convert(diagnostic, lines, snapshot));
            outputs[key] = new Output(uri, version, converted);
            _bases[key] = new Basis(project.Id, diagnostics, texts);
        }
        return outputs;
    }

    // The texts of the file and of every file its diagnostics' related locations point into (positions are
    // converted with them).
    private static (string Key, object? Text)[] TextsOf(string key, List<Diagnostic> diagnostics, WorkspaceSnapshot snapshot)
    {
        var keys = new List<string> { key };
        foreach (var diagnostic in diagnostics)
        {
            foreach (var related in diagnostic.Related)
            {
                if (!keys.Contains(related.Location.FilePath, DocumentKeys.Comparer)) keys.Add(related.Location.FilePath);
            }
        }
        var texts = new (string, object?)[keys.Count];
        for (int i = 0; i < texts.Length; i++) texts[i] = (keys[i], snapshot.GetDocumentByKey(keys[i])?.Text);
        return texts;
    }

    private static bool SameTexts((string Key, object? Text)[] a, (string Key, object? Text)[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (!DocumentKeys.Comparer.Equals(a[i].Key, b[i].Key) || !ReferenceEquals(a[i].Text, b[i].Text)) return false;
        }
        return true;
    }

    private static bool SameDiagnostics(List<Diagnostic> a, List<Diagnostic> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!a[i].IsSameAs(b[i])) return false;
        }
        return true;
    }
}
