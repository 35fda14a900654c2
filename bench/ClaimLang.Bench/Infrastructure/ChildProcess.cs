using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ClaimLang.Bench.Infrastructure;

/// <summary>Starts processes, drains their output, and reads peak memory from the kernel.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string StandardErrorTail, long StandardOutputBytes);

    public static ProcessStartInfo StartInfo(ToolCommand command, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in command.PrefixArguments) info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        // The benchmark host's tuning must not leak into the measured tool.
        foreach (var name in new[] { "DOTNET_TieredCompilation", "DOTNET_TC_QuickJitForLoops", "DOTNET_TieredPGO", "DOTNET_gcServer", "DOTNET_GCgen0size" })
            info.Environment.Remove(name);
        return info;
    }

    /// <summary>Runs to completion; standard output is read and thrown away (counted), standard error's tail kept.</summary>
    public static Result Run(ToolCommand command, IEnumerable<string> args, string workingDirectory)
    {
        using var process = Process.Start(StartInfo(command, args, workingDirectory)) ?? throw new InvalidOperationException("cannot start " + command);
        process.StandardInput.Close();
        var drain = Task.Run(() =>
        {
            long total = 0;
            var buffer = new byte[1 << 16];
            var stream = process.StandardOutput.BaseStream;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) total += n;
            return total;
        });
        var error = Task.Run(() => process.StandardError.ReadToEnd());
        process.WaitForExit();
        long bytes = drain.GetAwaiter().GetResult();
        string stderr = error.GetAwaiter().GetResult();
        return new Result(process.ExitCode, stderr.Length > 2000 ? stderr[^2000..] : stderr, bytes);
    }

    /// <summary>Runs to completion and returns everything it wrote (for small outputs such as --help).</summary>
    public static (int ExitCode, string Output, string Error) RunCapturing(ToolCommand command, IEnumerable<string> args, string workingDirectory)
    {
        using var process = Process.Start(StartInfo(command, args, workingDirectory)) ?? throw new InvalidOperationException("cannot start " + command);
        process.StandardInput.Close();
        var output = Task.Run(() => process.StandardOutput.ReadToEnd());
        var error = Task.Run(() => process.StandardError.ReadToEnd());
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    // ------------------------------------------------------------------ peak memory

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public long MaxResidentSetKilobytes;
        public long SharedMemory, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps, BlockInputs, BlockOutputs,
            MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    private const int ResourceUsageChildren = -1;

    /// <summary>
    /// The largest peak resident set among the children this process has waited for (Linux getrusage
    /// RUSAGE_CHILDREN, ru_maxrss). Each benchmark case runs in its own process, whose only children are the claimc
    /// runs of that case, so this is the peak memory of the case's claimc process. 0 where unavailable.
    /// </summary>
    public static long ChildrenPeakResidentBytes()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            return GetResourceUsage(ResourceUsageChildren, out var usage) == 0 ? usage.MaxResidentSetKilobytes * 1024 : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Peak resident set (VmHWM) of a running process from /proc; 0 when unavailable.</summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var digits = line.AsSpan(6).Trim();
                int space = digits.IndexOf(' ');
                if (space > 0) digits = digits[..space];
                return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return 0;
    }
}

/// <summary>How to start a tool: an executable and arguments that come before the tool's own.</summary>
internal sealed record ToolCommand(string FileName, IReadOnlyList<string> PrefixArguments, string Description)
{
    public override string ToString() => Description;
}
