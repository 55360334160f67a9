using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Functions.Storage;
using Outreach.Storage.Stores.Accounts;

namespace Outreach.Functions.Accounts;

/// <summary>
/// <c>handler accounts ...</c>: sets up accounts straight against storage (<c>AzureWebJobsStorage</c>), for the first
/// admin of a deployment and for ./run.sh's demo owner, when there is no admin key yet to call the API with.
/// <list type="bullet">
/// <item><c>accounts create-owner --id ID --name NAME [--kind owner|coach|admin] [--time-zone ZONE]</c>: creates the
/// account, or reuses it when it exists.</item>
/// <item><c>accounts issue-key --id ID [--name NAME] [--scopes read,write,send] [--reuse-file PATH]</c>: prints a new key
/// once on standard output. With <c>--reuse-file</c>, a still-valid key already in that file is printed instead, and a
/// new key is written there (readable by the user only), so a second run creates nothing.</item>
/// </list>
/// </summary>
internal static class AccountsCommand
{
    public const string Verb = "accounts";

    public static bool Matches(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var storage = StorageAccountRegistration.Create(configuration.GetSection(StorageAccountRegistration.ConnectionName), time);
        var service = new AccountService(new TableAccountStore(storage), new TableApiKeyStore(storage), new TableConsentStore(storage), time);
        var options = ReadOptions(args.AsSpan(2));
        try
        {
            switch (args.ElementAtOrDefault(1))
            {
                case "create-owner":
                    var kind = Enum.TryParse<AccountKind>(options.GetValueOrDefault("kind", "owner"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                        ? parsed
                        : throw new DomainException("account.bad-kind", "--kind is owner, coach or admin.", "--kind");
                    var (account, created) = await service.CreateAccountAsync(
                        options.GetValueOrDefault("id", string.Empty), kind, options.GetValueOrDefault("name", string.Empty), options.GetValueOrDefault("time-zone"), cancellationToken)
                        .ConfigureAwait(false);
                    await errors.WriteLineAsync($"{(created ? "created" : "reusing")} {account.Kind.ToString().ToLowerInvariant()} account '{account.AccountId}'").ConfigureAwait(false);
                    return 0;
                case "issue-key":
                    await output.WriteLineAsync(await IssueKeyAsync(service, options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                    return 0;
                default:
                    await errors.WriteLineAsync("usage: handler accounts create-owner --id ID --name NAME [--kind owner|coach|admin] [--time-zone ZONE]\n"
                        + "       handler accounts issue-key --id ID [--name NAME] [--scopes read,write,send] [--reuse-file PATH]").ConfigureAwait(false);
                    return 2;
            }
        }
        catch (DomainException e)
        {
            await errors.WriteLineAsync($"{e.Target}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<string> IssueKeyAsync(AccountService service, Dictionary<string, string> options, CancellationToken cancellationToken)
    {
        var accountId = options.GetValueOrDefault("id", string.Empty);
        var reuseFile = options.GetValueOrDefault("reuse-file");
        if (reuseFile is not null && File.Exists(reuseFile))
        {
            var kept = (await File.ReadAllTextAsync(reuseFile, cancellationToken).ConfigureAwait(false)).Trim();
            if (await service.IsActiveKeyAsync(accountId, kept, cancellationToken).ConfigureAwait(false))
            {
                return kept;
            }
        }

        var scopes = ApiScopeNames.Parse(options.GetValueOrDefault("scopes")?.Split(','), ApiScopes.OwnerDefault, "--scopes");
        var issued = await service.IssueKeyAsync(accountId, scopes, options.GetValueOrDefault("name", "cli"), cancellationToken).ConfigureAwait(false);
        if (reuseFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reuseFile))!);
            await File.WriteAllTextAsync(reuseFile, issued.PlainText + "\n", cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(reuseFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return issued.PlainText;
    }

    private static Dictionary<string, string> ReadOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new DomainException("cli.bad-option", "Options are --name value pairs.", args[i]);
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }
}
