using System.Text.RegularExpressions;
using Outreach.Core.Analytics;
using Outreach.Testing.LocalServices;

namespace Outreach.Core.Tests.Architecture;

/// <summary>The core stays pure: no hosting, storage or SMTP dependency, and no wall clock.</summary>
public sealed partial class CorePurityTests
{
    private static readonly string[] ForbiddenAssemblyPrefixes =
    [
        "Azure.", "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.DependencyInjection",
        "System.Net.Mail", "Outreach.Storage", "Outreach.Mail", "Outreach.Functions", "handler",
    ];

    [Fact]
    public void Core_references_no_web_azure_or_smtp_assembly()
    {
        var references = typeof(Baseline).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = references.Where(name => ForbiddenAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Core_uses_no_smtp_or_http_types()
    {
        var offenders = typeof(Baseline).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Select(f => (Owner: t, f.FieldType)))
            .Where(x => x.FieldType.Namespace is { } ns && (ns.StartsWith("System.Net.Mail", StringComparison.Ordinal) || ns.StartsWith("System.Net.Http", StringComparison.Ordinal)))
            .Select(x => $"{x.Owner.FullName} holds {x.FieldType.FullName}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Core_source_never_reads_the_wall_clock()
    {
        // The build bans these through BannedSymbols.txt; this catches a project that lost the analyzer.
        var coreFolder = Path.Combine(RepositoryRoot.Path, "core", "Outreach.Core");
        var offenders = Directory.EnumerateFiles(coreFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => WallClock().IsMatch(x.Text))
            .Select(x => $"{Path.GetRelativePath(coreFolder, x.File)}:{x.Line}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Core_project_keeps_the_banned_api_analyzer()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        var banned = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "BannedSymbols.txt"));

        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", props, StringComparison.Ordinal);
        Assert.Contains("P:System.DateTime.UtcNow", banned, StringComparison.Ordinal);
        Assert.Contains("P:System.DateTimeOffset.UtcNow", banned, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();
}
