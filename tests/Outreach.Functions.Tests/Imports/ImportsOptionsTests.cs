using System.ComponentModel.DataAnnotations;
using Outreach.Functions.Imports;

namespace Outreach.Functions.Tests.Imports;

/// <summary>The <c>Imports</c> settings refuse a stall time under which a live import could be taken for a dead one.</summary>
public sealed class ImportsOptionsTests
{
    [Fact]
    public void A_stall_time_not_past_the_wait_for_the_owner_and_two_leases_is_refused_naming_the_setting()
    {
        var tooShort = Validate(new ImportsOptions { ConcurrentImportWait = TimeSpan.FromMinutes(5), StalledAfter = TimeSpan.FromMinutes(7) });
        var enough = Validate(new ImportsOptions { ConcurrentImportWait = TimeSpan.FromMinutes(5), StalledAfter = TimeSpan.FromMinutes(8) });
        var defaults = Validate(new ImportsOptions());

        var refusal = Assert.Single(tooShort);
        Assert.Equal([nameof(ImportsOptions.StalledAfter)], refusal.MemberNames);
        Assert.StartsWith("Imports:StalledAfter (00:07:00) must be longer than Imports:ConcurrentImportWait (00:05:00) plus two minutes", refusal.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(enough);
        Assert.Empty(defaults);
    }

    [Fact]
    public void A_stall_time_not_past_the_progress_interval_and_two_leases_is_refused_naming_the_setting()
    {
        var tooShort = Validate(new ImportsOptions { ConcurrentImportWait = TimeSpan.Zero, ProgressInterval = TimeSpan.FromMinutes(5), StalledAfter = TimeSpan.FromMinutes(7) });
        var enough = Validate(new ImportsOptions { ConcurrentImportWait = TimeSpan.Zero, ProgressInterval = TimeSpan.FromMinutes(5), StalledAfter = TimeSpan.FromMinutes(8) });

        var refusal = Assert.Single(tooShort);
        Assert.Equal([nameof(ImportsOptions.StalledAfter)], refusal.MemberNames);
        Assert.StartsWith("Imports:StalledAfter (00:07:00) must be longer than Imports:ProgressInterval (00:05:00) plus two minutes", refusal.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(enough);
    }

    private static List<ValidationResult> Validate(ImportsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
