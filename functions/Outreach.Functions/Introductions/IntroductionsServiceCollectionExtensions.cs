using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Core.Campaigns;
using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Functions.Invocation;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Introductions;

/// <summary>
/// <c>builder.Services.AddIntroductions()</c>: the introduction store and service, B's consent links, and the hourly
/// <c>AdvanceIntroductions</c> timer. Needs <c>AddDispatching()</c> (stores, tables) and <c>AddSending()</c> (token signing).
/// The consent window and nudge delay are <see cref="IntroductionPolicy"/>'s defaults (7 days each).
/// </summary>
internal static class IntroductionsServiceCollectionExtensions
{
    public static IServiceCollection AddIntroductions(this IServiceCollection services)
    {
        services.TryAddSingleton<IIntroductionStore>(sp => sp.GetRequiredService<TableStores>().Introductions);
        services.TryAddSingleton(new IntroductionPolicy());
        services.TryAddTransient(sp => new IntroductionService(
            sp.GetRequiredService<IIntroductionStore>(),
            sp.GetRequiredService<ICampaignStore>(),
            sp.GetRequiredService<ISenderProfileStore>(),
            sp.GetRequiredService<ISuppressionStore>(),
            sp.GetRequiredService<ITaskStore>(),
            sp.GetRequiredService<IDueIndex>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IntroductionPolicy>()));
        services.TryAddSingleton<ConsentLinks>();
        services.TryAddSingleton<IntroductionViews>();
        services.TryAddSingleton<IntroductionEraser>();
        services.TryAddSingleton<IntroductionFollowUps>();
        return services.AddTimerFunction<AdvanceIntroductionsFunction>();
    }
}
