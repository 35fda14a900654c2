using ClaimLang.Binding;
using ClaimLang.Runtime;

namespace ClaimLang.Emit;

/// <summary>
/// Writes a dataset into an output folder as one atomic replacement (<see cref="AtomicDirectory"/>): the folder
/// afterwards holds exactly the forms asked for, and a failed or killed build leaves the previous folder as it
/// was. An existing folder is only replaced when it holds nothing but what a build writes
/// (<see cref="DatasetEmitter.IsOutputEntry"/>), so pointing the output at a folder of other files is refused.
/// </summary>
public static class DatasetOutput
{
    /// <summary>Builds the dataset of <paramref name="compilation"/> and writes it; see <see cref="Write(ClaimDataset, string, EmitFormats, Action{string}?)"/>.</summary>
    public static IReadOnlyList<string> Write(Compilation compilation, string workspaceRoot, string target, EmitFormats formats) =>
        Write(DatasetBuilder.Build(compilation, workspaceRoot), target, formats);

    /// <summary>
    /// Replaces <paramref name="target"/> with a folder holding <paramref name="dataset"/> in <paramref name="formats"/>.
    /// Returns the files written, relative to the folder, with <c>/</c>.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="target">The output folder.</param>
    /// <param name="formats">The forms to write.</param>
    /// <param name="fileWritten">Called with each file once it is complete.</param>
    /// <param name="beforeReplace">Called once every file is written, before the new folder replaces the old one;
    /// when it throws, the new folder is thrown away and the previous one stays (the build waits there for the
    /// dataset's validation, which runs while the files are written).</param>
    /// <exception cref="OutputDirectoryException">The target exists and is not an output folder of a build.</exception>
    /// <exception cref="IOException">Writing failed; the previous folder is unchanged.</exception>
    public static IReadOnlyList<string> Write(ClaimDataset dataset, string target, EmitFormats formats, Action<string>? fileWritten = null, Action? beforeReplace = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (formats == EmitFormats.None) throw new ArgumentException("no output format", nameof(formats));
        IReadOnlyList<string> written = [];
        AtomicDirectory.Replace(
            target,
            staging =>
            {
                written = DatasetEmitter.Emit(dataset, staging, formats, fileWritten);
                beforeReplace?.Invoke();
            },
            DatasetEmitter.IsOutputEntry);
        return written;
    }
}
