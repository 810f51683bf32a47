using System.Runtime.InteropServices;

namespace ECommerce.DevHost;

/// <summary>
/// Ctrl+C, SIGTERM or a closed terminal asks for an orderly stop. A second signal only says it is still
/// stopping (RabbitMQ takes seconds); a third gives up, and the next DevHost cleans up what is left.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly ConsoleView _console;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public ShutdownSignal(ConsoleView console)
    {
        _console = console;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle),
        ];
    }

    public CancellationToken Token => _requested.Token;

    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _requested.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        switch (Interlocked.Increment(ref _signals))
        {
            case 1:
                _console.WriteLine($"[devhost] {context.Signal}: stopping everything...");
                // Off the signal thread: cancellation runs the whole shutdown's continuations.
                _ = Task.Run(_requested.Cancel);
                break;
            case 2:
                _console.WriteLine("[devhost] still stopping; once more to abandon (the next run cleans up what is left).");
                break;
            default:
                Environment.Exit(130);
                break;
        }
    }
}
