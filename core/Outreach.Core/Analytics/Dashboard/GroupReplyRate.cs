using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Analytics.Dashboard;

/// <summary>The reply rate of one step or template, against the 5 % baseline.</summary>
/// <param name="Group">The step or template.</param>
/// <param name="ReplyRate">Replies of sends, with interval and lift.</param>
public sealed record GroupReplyRate(string Group, RateVsBaseline ReplyRate);
