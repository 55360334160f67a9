using Outreach.Core.Scoring;

namespace Outreach.Core.Tests.Scoring;

/// <summary><see cref="TrainingDiagnostics.DominanceOf"/>: how much of the hold-out the second-largest owner, subtracting their own rows, would read as the largest's.</summary>
public sealed class HoldOutDominanceTests
{
    [Theory]
    [InlineData(new[] { 24, 24, 24, 24, 24 }, 0.25)] // five alike: a quarter of the rest is any one's
    [InlineData(new[] { 40, 20, 15, 15, 10 }, 0.5)] // 40 of the 80 left without the 20
    [InlineData(new[] { 50, 20, 10, 10, 10 }, 0.625)] // 50 of 80
    [InlineData(new[] { 150, 10, 10, 10, 10 }, 150.0 / 180)]
    [InlineData(new[] { 7 }, 1.0)] // one owner: all of it
    public void The_largest_owners_share_of_what_the_second_largest_does_not_hold(int[] rowsPerOwner, double expected)
    {
        // Rows interleaved, as a hold-out's owners are.
        var rows = rowsPerOwner.SelectMany((count, owner) => Enumerable.Range(0, count).Select(i => (i, owner: $"o{owner}")))
            .OrderBy(r => r.i).Select(r => r.owner);

        Assert.Equal(expected, TrainingDiagnostics.DominanceOf(rows), 12);
    }
}
