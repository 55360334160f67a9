using Microsoft.Extensions.DependencyInjection.Extensions;
using Outreach.Core.Introductions;
using Microsoft.Extensions.Options;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Sending;
using Outreach.Functions.Invocation;
using Outreach.Mail.Pickup;
using Outreach.Mail.Smtp;
using Outreach.Storage;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Sending;

/// <summary>
/// Registers the send path: the table stores (names from section <c>Tables</c>, defaults otherwise), the transport
/// (<c>Mail:Transport</c> = Smtp with section <c>Smtp</c>, or Pickup with <c>Mail:Pickup</c>), tokens (<c>Tokens</c>),
/// per-owner SMTP secrets (<c>Secrets</c>), <see cref="SendingOptions"/> (<c>Mail</c>), and the <c>SendOutreach</c> function.
/// </summary>
internal static class SendingServiceCollectionExtensions
{
    public const string TablesSection = "Tables";

    public static IServiceCollection AddSending(this IServiceCollection services)
    {
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.SectionName);
        services.AddOptions<MailDeliveryOptions>().BindConfiguration(SendingOptions.SectionName);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName)
            .Validate(
                smtp => smtp.HasWellFormedPin(),
                "Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits (':' between pairs allowed), or unset.")
            .ValidateOnStart();
        services.AddOptions<PickupDirectoryOptions>().BindConfiguration(PickupDirectoryOptions.SectionName);
        services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SigningKeyOptions>, SigningKeyOptionsValidator>();
        services.AddOptions<SecretKeyOptions>().BindConfiguration(SecretKeyOptions.SectionName);
        services.AddOptions<StoreTableNames>().BindConfiguration(TablesSection);

        services.AddSingleton(sp => new TableStores(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<IOptions<StoreTableNames>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SendingTables>();
        services.AddSingleton(sp => Stores(sp.GetRequiredService<TableStores>()));
        services.AddSingleton(sp => new MetricsRecorder(sp.GetRequiredService<TableStores>().Counters));

        services.AddSingleton(sp => SigningKeyRing.From(sp.GetRequiredService<IOptions<SigningKeyOptions>>().Value));
        services.AddSingleton(sp => new SignedTokenService(sp.GetRequiredService<SigningKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReplyAddressTokens(sp.GetRequiredService<SigningKeyRing>()));
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SendingOptions>>().Value);
        services.TryAddSingleton<ConsentLinks>();
        services.AddSingleton<MessageComposer>();

        services.AddSingleton(sp => DeploymentTransport(sp));
        // Built on first use, so a deployment without owner accounts needs no Secrets section; one protector seals
        // (PUT /api/sender/smtp) and unseals (sending) alike.
        services.AddSingleton(sp => new Lazy<Core.Accounts.SecretProtector>(() => MailTransportProvider.CreateProtector(sp.GetRequiredService<IOptions<SecretKeyOptions>>().Value)));
        // The deployment's transport is built on the first send through it: the SMTP endpoints tell the provider of an
        // owner's account change (MailTransportProvider.Forget) in a deployment that may have no Smtp section.
        services.AddSingleton(sp => new MailTransportProvider(
            new Lazy<IMailTransport>(sp.GetRequiredService<IMailTransport>),
            sp.GetRequiredService<Lazy<Core.Accounts.SecretProtector>>(),
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IMailTransportProvider>(sp => sp.GetRequiredService<MailTransportProvider>());
        services.AddSingleton<TaskSender>();
        services.AddSingleton(sp => new Lazy<TaskSender>(sp.GetRequiredService<TaskSender>));
        services.AddSingleton(sp => new Lazy<SendingTables>(sp.GetRequiredService<SendingTables>));
        return services.AddQueueFunction<SendOutreachFunction>();
    }

    private static SendStores Stores(TableStores tables) => new(
        tables.Tasks,
        tables.DueIndex,
        tables.Suppressions,
        tables.SenderActivity,
        tables.Contacts,
        tables.Senders,
        tables.SentMessages,
        new TemplateResolver(tables.Templates),
        tables.Introductions);

    private static IMailTransport DeploymentTransport(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<MailDeliveryOptions>>().Value.Transport == MailTransportKind.Pickup
            ? new PickupDirectoryMailTransport(sp.GetRequiredService<IOptions<PickupDirectoryOptions>>().Value, sp.GetRequiredService<ILogger<PickupDirectoryMailTransport>>())
            : new SmtpMailTransport(sp.GetRequiredService<IOptions<SmtpOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SmtpMailTransport>>());
}
