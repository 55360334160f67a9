namespace Outreach.Core.Introductions;

/// <summary>Wire names of <see cref="IntroductionState"/> (shown in the API and in error messages).</summary>
public static class IntroductionStates
{
    /// <summary>The wire name, e.g. <c>awaiting_consent</c>.</summary>
    public static string NameOf(IntroductionState state) => state switch
    {
        IntroductionState.AwaitingConsent => "awaiting_consent",
        IntroductionState.Declined => "declined",
        IntroductionState.Expired => "expired",
        IntroductionState.Introduced => "introduced",
        IntroductionState.Nudged => "nudged",
        IntroductionState.Completed => "completed",
        IntroductionState.Cancelled => "cancelled",
        IntroductionState.Stalled => "stalled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown introduction state."),
    };

    /// <summary>Parses a wire name.</summary>
    /// <exception cref="DomainException">Not an introduction state (target <paramref name="target"/>).</exception>
    public static IntroductionState Parse(string? name, string target)
    {
        foreach (var state in Enum.GetValues<IntroductionState>())
        {
            if (string.Equals(NameOf(state), name, StringComparison.Ordinal))
            {
                return state;
            }
        }

        throw new DomainException("introduction.unknown-state", $"'{name}' is not an introduction state.", target);
    }
}
