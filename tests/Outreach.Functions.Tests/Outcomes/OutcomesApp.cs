using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Tests.Outcomes;

/// <summary>
/// The real handler on Azurite with the webhook secret and a two-key token ring (<c>k1</c> the previous key, <c>k2</c>
/// current), plus seeding: an owner with a key, a contact, its sent thank-you (with the sent-message index rows a send
/// writes) and its planned follow-up. Ids carry a random suffix, so tests sharing one Azurite stay apart.
/// </summary>
internal sealed partial class OutcomesApp : IDisposable
{
    public const string WebhookSecret = "whsec-test-7f3a9c";
    public const string ReplyDomain = "in.outreach.example";
    public const string OwnerAddress = "sam@student.example";

    public static readonly byte[] PreviousKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    public static readonly byte[] CurrentKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
    public static readonly DateTimeOffset SentUtc = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ApiApp _app;

    public OutcomesApp(AzuriteFixture azurite, params (string Key, string? Value)[] settings)
        : this(azurite, _ => { }, settings)
    {
    }

    /// <summary>The app with <paramref name="services"/> replacing some of its own (a manual clock).</summary>
    public OutcomesApp(AzuriteFixture azurite, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services, params (string Key, string? Value)[] settings)
    {
        _app = ApiApp.Start(
            azurite,
            services,
            [
                ("Outcomes:WebhookSecret", WebhookSecret),
                ("Tokens:CurrentKeyId", "k2"),
                ("Tokens:Keys:k1", Convert.ToBase64String(PreviousKey)),
                ("Tokens:Keys:k2", Convert.ToBase64String(CurrentKey)),
                .. settings,
            ]);
        Account = StorageAccount.FromConnectionString(azurite.ConnectionString);
        Stores = new TableStores(Account);
    }

    public StorageAccount Account { get; }

    public TableStores Stores { get; }

    /// <summary>The ring as the app has it.</summary>
    public static SigningKeyRing Ring(string currentKeyId = "k2") =>
        new(currentKeyId, new Dictionary<string, byte[]> { ["k1"] = PreviousKey, ["k2"] = CurrentKey });

    public ApiApp Api => _app;

    public HttpClient Client(string? apiKey = null) => _app.Client(apiKey);

    public Task<string> CreateOwnerAsync(string ownerId) => _app.CreateAccountWithKeyAsync(ownerId);

    /// <summary>A new owner (with an API key) and a seeded contact; the address is unique unless given.</summary>
    public async Task<(Seeded Seeded, string ApiKey)> SeedNewOwnerAsync(string? email = null, string? sentMessageId = null)
    {
        var ownerId = ApiApp.NewId("o");
        var key = await CreateOwnerAsync(ownerId);
        return (await SeedAsync(ownerId, email ?? $"Jane.{Guid.NewGuid().ToString("N")[..8]}@Contoso.com", sentMessageId), key);
    }

    /// <summary>An unsubscribe token as a sent message carries it, signed with the current key (<c>k2</c>) unless told otherwise.</summary>
    public static string UnsubscribeToken(string ownerId, string contactId, string currentKeyId = "k2") =>
        new SignedTokenService(Ring(currentKeyId), TimeProvider.System).Create(MessageComposer.UnsubscribePurpose, ownerId, TokenSubjects.ForContact(contactId));

    /// <summary>
    /// Seeds a contact with a sent thank-you and a planned follow-up. The thank-you's Message-ID is <paramref name="sentMessageId"/>,
    /// or by default one naming the contact, so tests sharing one Azurite never answer each other's messages.
    /// </summary>
    public async Task<Seeded> SeedAsync(string ownerId, string email, string? sentMessageId = null, string? linkedInUrl = null)
    {
        await Stores.CreateTablesAsync(CancellationToken.None);
        var contact = new Contact
        {
            OwnerId = ownerId,
            ContactId = "c-" + Guid.NewGuid().ToString("N")[..10],
            FirstName = "Jane",
            LastName = "Doe-" + Guid.NewGuid().ToString("N")[..6],
            Email = email,
            LinkedInUrl = linkedInUrl,
            Company = "Contoso",
            Events = [new EventMet("Class visit", new DateOnly(2026, 2, 27))],
        };
        await Stores.Contacts.WriteAsync(ownerId, [contact], CancellationToken.None);
        sentMessageId ??= $"sent-{contact.ContactId}@student.example";
        var thankYou = Task(contact, "thank-you", TemplateKind.ThankYou, TaskState.Sent) with { SentUtc = SentUtc, MessageId = "<" + sentMessageId + ">" };
        var followUp = Task(contact, "follow-up", TemplateKind.FollowUp, TaskState.Planned);
        Assert.True(await Stores.Tasks.TryAddAsync(thankYou, CancellationToken.None));
        Assert.True(await Stores.Tasks.TryAddAsync(followUp, CancellationToken.None));
        await Stores.SentMessages.RecordAsync(sentMessageId, new SentMessageRef(ownerId, thankYou.TaskId, contact.ContactId, OwnerAddress), CancellationToken.None);
        return new Seeded(contact, thankYou.TaskId, followUp.TaskId, sentMessageId);
    }

    public async Task<OutreachTask> TaskAsync(string ownerId, string taskId) =>
        await Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None) ?? throw new InvalidOperationException($"Task {taskId} is gone.");

    public Task<IReadOnlyList<Outcome>> OutcomesAsync(string ownerId) => Stores.Outcomes.ListAsync(ownerId, CancellationToken.None);

    /// <summary>Posts a JSON body to the webhook with the secret as Basic credentials.</summary>
    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostInboundAsync(HttpContent content, string? secret = WebhookSecret)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound") { Content = content };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("inbound:" + secret)));
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> PostInboundJsonAsync(object message, string? secret = WebhookSecret) =>
        PostInboundAsync(JsonContent.Create(message), secret);

    /// <summary>A raw sample (headers, blank line, body) as the canonical JSON shape: <c>from</c>, the raw header block, the text.</summary>
    public static object SampleAsJson(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = raw[..split];
        return new { from = FromHeader().Match(headers).Groups[1].Value.Trim(), headers, text = raw[(split + 2)..] };
    }

    public void Dispose() => _app.Dispose();

    private static OutreachTask Task(Contact contact, string stepId, TemplateKind template, TaskState state) => new()
    {
        TaskId = TaskIds.ForCampaignStep(contact.OwnerId, "class-visit", contact.ContactId, stepId),
        OwnerId = contact.OwnerId,
        ContactId = contact.ContactId,
        CampaignId = "class-visit",
        StepId = stepId,
        Template = template,
        EmailKey = contact.EmailKey,
        Channel = TaskChannel.Email,
        Condition = StepCondition.OnlyIfNoReply,
        DueUtc = SentUtc.AddDays(stepId == "thank-you" ? 0 : 7),
        State = state,
    };

    [GeneratedRegex(@"^From:(.*)$", RegexOptions.Multiline)]
    private static partial Regex FromHeader();
}

/// <summary>What <see cref="OutcomesApp.SeedAsync"/> stored.</summary>
internal sealed record Seeded(Contact Contact, string ThankYouTaskId, string FollowUpTaskId, string SentMessageId)
{
    public string OwnerId => Contact.OwnerId;

    public string ContactId => Contact.ContactId;
}
