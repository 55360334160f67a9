using Azure.Core;
using Azure.Core.Pipeline;

namespace Outreach.Storage.Tests;

/// <summary>A per-call policy that records what the client asked for, while the real Azurite answers.</summary>
internal sealed class RequestRecorder : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) { return [.. _requests]; } }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        lock (_requests)
        {
            _requests.Add($"{message.Request.Method} {message.Request.Uri.Query}");
        }
    }
}
