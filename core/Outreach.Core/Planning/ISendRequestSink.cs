namespace Outreach.Core.Planning;

/// <summary>Where the dispatcher puts send requests: the send queue (<see cref="SendRequest.QueueName"/>).</summary>
public interface ISendRequestSink
{
    /// <summary>Enqueues <paramref name="request"/>, invisible to the send function for <paramref name="delay"/> (0 to 7 days).</summary>
    Task EnqueueAsync(SendRequest request, TimeSpan delay, CancellationToken cancellationToken);
}
