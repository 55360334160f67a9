namespace Outreach.Testing.LocalServices;

/// <summary>Finds the repository root (the folder holding package.json and node_modules) from the test's bin folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path => Root.Value;

    public static string NodeModule(string relative) => System.IO.Path.Combine(Path, "node_modules", relative);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Outreach.sln")))
            {
                if (!Directory.Exists(System.IO.Path.Combine(dir.FullName, "node_modules")))
                {
                    throw new InvalidOperationException(
                        $"node_modules is missing under {dir.FullName}: run `npm ci` (./test.sh does) before the integration tests.");
                }

                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Outreach.sln above {AppContext.BaseDirectory}.");
    }
}
