using System.Diagnostics;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>Samples this process's working set on a background thread and keeps the highest value seen.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;
    private long _max;

    public WorkingSetSampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Sample) { IsBackground = true, Name = "working-set-sampler" };
        _thread.Start();
    }

    /// <summary>Stops sampling and returns the highest working set seen, in bytes.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        return Interlocked.Read(ref _max);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop)
        {
            process.Refresh();
            var current = process.WorkingSet64;
            if (current > Interlocked.Read(ref _max))
            {
                Interlocked.Exchange(ref _max, current);
            }

            Thread.Sleep(_interval);
        }
    }
}
