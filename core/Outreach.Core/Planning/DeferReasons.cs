namespace Outreach.Core.Planning;

/// <summary>Why <see cref="DispatchPlanner"/> deferred a task.</summary>
public static class DeferReasons
{
    /// <summary>Its due time has not come.</summary>
    public const string NotDue = "not-due";

    /// <summary>Now is outside the sender's sending window.</summary>
    public const string OutsideWindow = "outside-window";

    /// <summary>The sender's daily cap is used up.</summary>
    public const string DailyCap = "daily-cap";

    /// <summary>Spacing the day's sends pushes it past the window's close.</summary>
    public const string WindowCloses = "window-closes";
}
