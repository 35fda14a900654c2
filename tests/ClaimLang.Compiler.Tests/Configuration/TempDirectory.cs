namespace ClaimLang.Tests.Configuration;

/// <summary>A fresh folder under the system temp folder, deleted (links and all, never their targets) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), "claimlang-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of a relative path (with <c>/</c>) inside the folder.</summary>
    public string Full(string relative) =>
        System.IO.Path.Join(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relative, string content = "")
    {
        string full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string CreateFolder(string relative) => Directory.CreateDirectory(Full(relative)).FullName;

    /// <summary>Creates a symbolic link at <paramref name="relative"/> whose stored target is <paramref name="target"/> as given.</summary>
    public string Link(string relative, string target, bool directory)
    {
        string full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (directory) Directory.CreateSymbolicLink(full, target);
        else File.CreateSymbolicLink(full, target);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Delete(new DirectoryInfo(Path));
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Deletes without ever following a link: links are removed as entries.
    private static void Delete(DirectoryInfo root)
    {
        var pending = new Stack<DirectoryInfo>();
        var order = new List<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            order.Add(folder);
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null || entry is FileInfo) entry.Delete();
                else pending.Push((DirectoryInfo)entry);
            }
        }
        for (int i = order.Count - 1; i >= 0; i--) order[i].Delete();
    }
}
