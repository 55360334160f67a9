using Microsoft.AspNetCore.Authentication;
using Outreach.Core.Accounts;
using Outreach.Storage.Stores.Accounts;

namespace Outreach.Functions.Security;

/// <summary>Registers accounts, API key authentication, scope policies, owner access and antiforgery.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAccountStore, TableAccountStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IConsentStore, TableConsentStore>();
        services.AddSingleton<IClientCohortStore, TableClientCohortStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<CoachRoster>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<OwnerAccess>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddScopePolicies();

        // The CSP and X-Frame-Options come from SecurityHeaders; antiforgery must not add its own SAMEORIGIN.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        return services;
    }
}
