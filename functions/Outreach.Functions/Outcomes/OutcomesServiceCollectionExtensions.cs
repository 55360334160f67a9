using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Registers replies, unsubscribes, outcomes and erasure (section <c>Outcomes</c>). Uses the table stores, token
/// services and metrics recorder <c>AddSending</c> registers, so call it after that, and the introduction follow-ups
/// <c>AddIntroductions</c> registers (resolved when first used, so either order).
/// </summary>
internal static class OutcomesServiceCollectionExtensions
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddOptions<OutcomesOptions>().BindConfiguration(OutcomesOptions.SectionName);
        services.AddSingleton<WebhookSecret>();
        services.AddSingleton<SuppressionCohort>();
        services.AddSingleton<ReplyMetrics>();
        services.AddSingleton(InboundLimits.Default);
        services.AddSingleton(sp => new InboundPayloadParser(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<InboundLimits>()));
        services.AddSingleton<IOutcomeStore>(sp => sp.GetRequiredService<TableStores>().Outcomes);
        services.AddSingleton(sp => new PendingStepStopper(sp.GetRequiredService<TableStores>().Tasks));
        services.AddSingleton(sp => new OutcomeRecorder(
            sp.GetRequiredService<IOutcomeStore>(),
            sp.GetRequiredService<PendingStepStopper>(),
            sp.GetRequiredService<TableStores>().Suppressions,
            sp.GetRequiredService<TableStores>().Contacts,
            sp.GetRequiredService<TableStores>().ContactEmails,
            sp.GetRequiredService<SuppressionCohort>(),
            sp.GetRequiredService<ReplyMetrics>(),
            sp.GetRequiredService<Introductions.IntroductionFollowUps>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutcomeRecorder>>()));
        services.AddSingleton(sp => new ReplyTokenResolver(
            sp.GetRequiredService<Core.Messaging.Tokens.ReplyAddressTokens>(), sp.GetRequiredService<TableStores>().SentMessages));
        services.AddSingleton<InboundMailArchive>();
        services.AddSingleton<InboundHandler>();
        services.AddSingleton(sp => new ManualOutcomeValidator(
            new Outreach.Storage.Stores.Outcomes.TaskStoreDirectory(sp.GetRequiredService<TableStores>().Tasks), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<ContactEraser>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutcomesApis(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapInbound().MapOutcomes().MapUnsubscribe().MapContactErasure();
}
