namespace ClaimLang.Bench.Infrastructure;

/// <summary>
/// Finds the <c>claimc</c> to measure and the commands it has. The harness references the CLI project, so the
/// claimc built with it (same configuration) sits next to the harness's own assembly; the host passes its path to the
/// benchmark processes through <see cref="BenchSettings.ClaimcVariable"/>.
/// </summary>
internal static class Claimc
{
    public static ToolCommand Locate()
    {
        var configured = Environment.GetEnvironmentVariable(BenchSettings.ClaimcVariable);
        string dll = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(AppContext.BaseDirectory, "claimc.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("claimc.dll not found (build the harness, which builds the CLI)", dll);
        string apphost = Path.Combine(Path.GetDirectoryName(dll)!, OperatingSystem.IsWindows() ? "claimc.exe" : "claimc");
        if (File.Exists(apphost)) return new ToolCommand(apphost, [], apphost);
        return new ToolCommand(DotnetHost(), [dll], "dotnet " + dll);
    }

    /// <summary>The dotnet host that runs this process (or the one on PATH).</summary>
    public static string DotnetHost()
    {
        var path = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(path) && File.Exists(path)) return path;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    /// <summary>The top-level commands claimc lists in its help (check, build, fmt, lsp, …).</summary>
    public static HashSet<string> Commands(ToolCommand claimc)
    {
        var result = ChildProcess.RunCapturing(claimc, ["--help"], Directory.GetCurrentDirectory());
        var commands = new HashSet<string>(StringComparer.Ordinal);
        bool inCommands = false;
        foreach (var raw in result.Output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("Commands:", StringComparison.Ordinal)) { inCommands = true; continue; }
            if (!inCommands) continue;
            if (line.Length == 0 || !line.StartsWith("  ", StringComparison.Ordinal)) { if (line.Length > 0) inCommands = false; continue; }
            var trimmed = line.TrimStart();
            int end = trimmed.IndexOfAny([' ', '<']);
            commands.Add(end < 0 ? trimmed : trimmed[..end]);
        }
        return commands;
    }
}
