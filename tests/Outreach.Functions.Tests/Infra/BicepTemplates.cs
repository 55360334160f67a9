using System.Text.RegularExpressions;

namespace Outreach.Functions.Tests.Infra;

/// <summary>
/// The Bicep files under <c>infra/</c>, read at the level this repository writes them (the Bicep CLI cannot be
/// installed here): resource declarations with their type, API version and names (a literal <c>name: '...'</c> or a
/// <c>[for x in someVar: ...]</c> loop over a <c>var someVar = [ '...' ]</c> array), and the function app's settings
/// (the <c>{ name: '...', value: ... }</c> entries of the vars concatenated into <c>appSettings</c>).
/// </summary>
internal sealed partial class BicepTemplates
{
    private BicepTemplates(IReadOnlyList<BicepFile> files) => Files = files;

    public IReadOnlyList<BicepFile> Files { get; }

    public IEnumerable<BicepResource> Resources => Files.SelectMany(f => f.Resources);

    public IEnumerable<BicepAppSetting> AppSettings => Files.SelectMany(f => f.AppSettings);

    /// <summary>Names of the non-existing resources of a type, e.g. <c>Microsoft.Storage/storageAccounts/queueServices/queues</c>.</summary>
    public IReadOnlyList<string> NamesOf(string type) =>
        Resources.Where(r => !r.Existing && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).SelectMany(r => r.Names).ToList();

    public static BicepTemplates Load(string infraFolder) =>
        new(Directory.EnumerateFiles(infraFolder, "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => BicepFile.Parse(Path.GetRelativePath(Path.GetDirectoryName(infraFolder)!, path), File.ReadAllText(path)))
            .ToList());

    public static BicepTemplates FromText(params (string Path, string Text)[] files) =>
        new(files.Select(f => BicepFile.Parse(f.Path, f.Text)).ToList());

    internal sealed record BicepResource(string File, string Symbol, string Type, string ApiVersion, bool Existing, IReadOnlyList<string> Names);

    internal sealed record BicepAppSetting(string File, string Name, string Value)
    {
        /// <summary>The name as a configuration path with interpolations as <c>*</c>: <c>Tokens__Keys__${id}</c> is <c>Tokens:Keys:*</c>.</summary>
        public string ConfigurationKey => Interpolation().Replace(Name, "*").Replace("__", ":", StringComparison.Ordinal);
    }

    internal sealed class BicepFile
    {
        private BicepFile(string path, string text, string code)
        {
            Path = path;
            Text = text;
            var vars = StringArrayVar().Matches(code).ToDictionary(
                m => m.Groups["name"].Value,
                m => (IReadOnlyList<string>)StringLiteral().Matches(m.Groups["items"].Value).Select(i => i.Groups["value"].Value).ToList(),
                StringComparer.Ordinal);
            Resources = ResourceDeclaration().Matches(code).Select(m => new BicepResource(
                path,
                m.Groups["symbol"].Value,
                m.Groups["type"].Value,
                m.Groups["version"].Value,
                m.Groups["existing"].Success,
                // A loop over anything but an array of string literals (role ids held in vars, say) has no names to compare.
                m.Groups["loopVar"].Success
                    ? vars.GetValueOrDefault(m.Groups["loopVar"].Value, [])
                    : NameProperty().Match(code, m.Index + m.Length) is { Success: true } name && name.Groups["literal"].Success ? [name.Groups["literal"].Value] : [])).ToList();
            var settingVars = AppSettingsConcat().Match(code) is { Success: true } concat
                ? concat.Groups["vars"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            AppSettings = settingVars.SelectMany(v => ObjectArrayVar(code, v, path))
                .Select(block => SettingEntry().Matches(block).Select(e => new BicepAppSetting(path, e.Groups["name"].Value, e.Groups["value"].Value.Trim())))
                .SelectMany(e => e)
                .ToList();
        }

        public string Path { get; }

        public string Text { get; }

        public IReadOnlyList<BicepResource> Resources { get; }

        public IReadOnlyList<BicepAppSetting> AppSettings { get; }

        public static BicepFile Parse(string path, string text) => new(path, text, WithoutComments(text));

        /// <summary>The block of <c>var name = [ ... ]</c> (or a <c>[for ...: { ... }]</c>), up to the <c>]</c> or <c>}]</c> that closes it at the start of a line.</summary>
        private static IEnumerable<string> ObjectArrayVar(string code, string name, string path)
        {
            var match = Regex.Match(code, $@"^var\s+{Regex.Escape(name)}\s*=\s*\[(?<body>.*?)^\}}?\]", RegexOptions.Multiline | RegexOptions.Singleline);
            return match.Success
                ? [match.Groups["body"].Value]
                : throw new InvalidOperationException($"{path}: appSettings concatenates '{name}', which is not a var holding an array.");
        }

        /// <summary>Drops <c>//</c> comments, keeping <c>//</c> inside single-quoted strings ('https://...').</summary>
        private static string WithoutComments(string text) => string.Join('\n', text.Split('\n').Select(line =>
        {
            var quotes = 0;
            for (var i = 0; i < line.Length - 1; i++)
            {
                if (line[i] == '\'')
                {
                    quotes++;
                }
                else if (line[i] == '/' && line[i + 1] == '/' && quotes % 2 == 0)
                {
                    return line[..i];
                }
            }

            return line;
        }));
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^resource\s+(?<symbol>\w+)\s+'(?<type>[^'@]+)@(?<version>[^']+)'\s*(?<existing>existing\s*)?=\s*(?:\[\s*for\s+\w+\s+in\s+(?<loopVar>\w+)\s*:)?", RegexOptions.Multiline)]
    private static partial Regex ResourceDeclaration();

    /// <summary>The resource's first <c>name:</c> line (its own name: parent and scope come first, nested names later); literal or not.</summary>
    [GeneratedRegex(@"\G[^\n]*\n(?:(?!^resource\s)[\s\S])*?^\s+name:\s*(?:'(?<literal>[^'$]*)'\s*$|[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex NameProperty();

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=\s*\[(?<items>(?:\s*'[^'$]*')*\s*)\]", RegexOptions.Multiline)]
    private static partial Regex StringArrayVar();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"appSettings:\s*concat\((?<vars>[^)]*)\)")]
    private static partial Regex AppSettingsConcat();

    [GeneratedRegex(@"name:\s*'(?<name>[^']+)'\s*\n\s*value:\s*(?<value>[^\n]+)")]
    private static partial Regex SettingEntry();
}
