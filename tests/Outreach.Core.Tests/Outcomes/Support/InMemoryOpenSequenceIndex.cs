using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>Open sequences by contact email key, across owners.</summary>
internal sealed class InMemoryOpenSequenceIndex : IOpenSequenceIndex
{
    private readonly Dictionary<string, List<OpenSequence>> _byEmail = new(StringComparer.Ordinal);

    public void Open(string email, OpenSequence sequence)
    {
        var key = email.Trim().ToLowerInvariant();
        if (!_byEmail.TryGetValue(key, out var list))
        {
            list = [];
            _byEmail[key] = list;
        }

        list.Add(sequence);
    }

    public Task<IReadOnlyList<OpenSequence>> FindOpenByContactEmailAsync(string emailKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OpenSequence> found = _byEmail.TryGetValue(emailKey, out var list) ? [.. list] : [];
        return Task.FromResult(found);
    }
}
