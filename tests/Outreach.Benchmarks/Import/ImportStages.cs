using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Benchmarks.Import;

/// <summary>How far through the import <see cref="ImportStages.RunAsync"/> takes each row.</summary>
internal enum ImportStage
{
    /// <summary>The import's CSV reader finds the record; no cell is read.</summary>
    Read,

    /// <summary>Every cell of the record is made a string, as the bare CsvHelper read does.</summary>
    Cells,

    /// <summary>The row is validated and normalised into a contact with its keys (no de-duplication, nothing written).</summary>
    Normalise,
}

/// <summary>
/// The import's own parts run alone over a file, a stage at a time (<see cref="ImportStage"/>), so the benchmark can print
/// what each adds to a row: the pipeline's figure less the normalise stage's is de-duplication, batching and the report.
/// </summary>
internal static class ImportStages
{
    /// <summary>Runs <paramref name="stage"/> over every data row of <paramref name="path"/>; returns how many rows it read.</summary>
    public static async Task<long> RunAsync(string path, ImportStage stage, CancellationToken cancellationToken)
    {
        // Read as the import reads it: the importer's own detection of encoding, separator and header.
        var options = new ImportOptions { OwnerId = "bench-owner", ImportId = "bench-stages", FileName = "Connections.csv" };
        ImportDetection detection;
        await using (var sample = File.OpenRead(path))
        await using (var started = await new ContactImporter(new InMemoryContactDirectory(), DiscardingContactSink.Instance).StartAsync(sample, options, progress: null, cancellationToken))
        {
            detection = started.Detection ?? throw new InvalidOperationException($"{path} is empty.");
        }

        var (encoding, header) = (detection.Encoding, detection.Header);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        stream.Seek(encoding.PreambleLength, SeekOrigin.Begin);
        await using var cursor = new CsvRecordCursor(encoding.ForCsvReader(stream), header.Delimiter, encoding.Encoding);
        var normaliser = new RowNormaliser(header.Layout, options);
        var row = new StagedRow();
        long rows = 0;
        long characters = 0;
        while (await cursor.ReadAsync(cancellationToken))
        {
            if (cursor.Line <= header.Line)
            {
                continue; // the preamble and the header
            }

            rows++;
            if (stage == ImportStage.Cells)
            {
                for (var i = 0; i < cursor.FieldCount; i++)
                {
                    characters += cursor.GetString(i).Length;
                }
            }
            else if (stage == ImportStage.Normalise)
            {
                normaliser.Read(cursor, row);
                row.Reset();
            }
        }

        GC.KeepAlive(characters);
        return rows;
    }
}
