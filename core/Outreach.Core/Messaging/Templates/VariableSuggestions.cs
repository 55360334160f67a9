namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Finds the known variable an unknown path most likely meant, for a "did you mean" hint: a member of the same group
/// within a small edit distance (<c>frstName</c> → <c>firstName</c>, <c>Company</c> → <c>company</c>), or, at the top
/// level, the variable of the outermost group with that exact name (<c>signature</c> → <c>sender.signature</c>,
/// <c>metOn</c> → <c>event.metOn</c>).
/// </summary>
internal static class VariableSuggestions
{
    /// <summary>
    /// The whole path as the author should write it, or null when nothing is close enough to be a helpful guess.
    /// <paramref name="failed"/> is the index in <paramref name="segments"/> of the name <paramref name="group"/> lacks.
    /// </summary>
    public static string? For(string path, List<string> segments, int failed, VariableShape group, bool atRoot)
    {
        if (group.Kind != VariableShapeKind.Object)
        {
            return null;
        }

        var wrong = segments[failed];
        var best = group.Members.Keys
            .Select(name => (Name: name, Distance: Distance(wrong, name)))
            .Where(c => c.Distance <= Tolerance(wrong))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        if (best is not null)
        {
            return Replace(path, wrong, best);
        }

        // "{{signature}}" for "{{sender.signature}}": a value that lives in exactly one group.
        if (atRoot && failed == 0 && segments.Count == 1)
        {
            // The outermost group wins ("metOn" is event.metOn, not personA.event.metOn), unless two groups tie.
            var inGroups = TemplateVariables.All
                .Where(p => p.Contains('.', StringComparison.Ordinal) && string.Equals(p[(p.LastIndexOf('.') + 1)..], wrong, StringComparison.OrdinalIgnoreCase))
                .GroupBy(p => p.Count(c => c == '.'))
                .OrderBy(g => g.Key)
                .FirstOrDefault()
                ?.ToList();
            return inGroups is [var only] ? Replace(path, wrong, only) : null;
        }

        return null;
    }

    /// <summary>Typos allowed: one in a short name, two in a longer one, three in a long one.</summary>
    private static int Tolerance(string name) => name.Length switch { <= 4 => 1, <= 8 => 2, _ => 3 };

    /// <summary>The path with its last occurrence of the wrong name replaced, keeping any <c>../</c>, <c>@root.</c> or group prefix.</summary>
    private static string Replace(string path, string wrong, string right)
    {
        var at = path.LastIndexOf(wrong, StringComparison.Ordinal);
        return at < 0 ? right : string.Concat(path.AsSpan(0, at), right, path.AsSpan(at + wrong.Length));
    }

    /// <summary>Case-insensitive optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
