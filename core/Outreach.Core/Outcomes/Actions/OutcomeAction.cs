namespace Outreach.Core.Outcomes;

/// <summary>Something the caller must do besides storing outcomes. Actions may carry addresses: never log them.</summary>
public abstract record OutcomeAction;
