namespace Outreach.Benchmarks.Import;

/// <summary>
/// Samples the managed heap every few milliseconds on a background thread and keeps the largest value seen,
/// together with the GC's own record of the heap size after each collection.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private long _peak;

    public PeakMemorySampler()
    {
        _peak = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "peak-memory-sampler" };
        _thread.Start();
    }

    /// <summary>Stops sampling and returns the peak in bytes.</summary>
    public long Stop()
    {
        _stop.Cancel();
        _thread.Join();
        Observe(GC.GetTotalMemory(forceFullCollection: false));
        return Interlocked.Read(ref _peak);
    }

    public void Dispose() => _stop.Dispose();

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            Observe(GC.GetTotalMemory(forceFullCollection: false));
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            Observe(info.HeapSizeBytes);
            _stop.Token.WaitHandle.WaitOne(5);
        }
    }

    private void Observe(long bytes)
    {
        long current;
        while (bytes > (current = Interlocked.Read(ref _peak)))
        {
            if (Interlocked.CompareExchange(ref _peak, bytes, current) == current)
            {
                return;
            }
        }
    }
}
