namespace Outreach.Core.Introductions;

/// <summary>Reads one introduction (what the sender needs to fill an introduction's message).</summary>
public interface IIntroductionReader
{
    /// <summary>The owner's introduction with its version, or null.</summary>
    Task<Introduction?> GetAsync(string ownerId, string introductionId, CancellationToken cancellationToken);
}
