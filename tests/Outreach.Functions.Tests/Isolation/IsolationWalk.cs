using System.Net;
using static Outreach.Functions.Tests.Isolation.Probe;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// The walk's table: for every HTTP function, what owner A sends at owner B's data (tokens name B's resources, see
/// <see cref="SeededOwner"/>), or why the route is anonymous. <see cref="IsolationWalkTests"/> fails when a shipped
/// HTTP function is missing here, so a new endpoint cannot ship without its isolation case.
/// </summary>
internal static class IsolationWalk
{
    /// <summary>A's own campaign, into which A tries to enrol B's contacts.</summary>
    public const string AttackerCampaignId = "a-camp";

    private const string Owner = "owner={owner}";
    private const string Csv = "First name,Last name,Email,Event,Met on\nMal,Icious,mal@attacker.example,Planted,2026-01-12\n";
    private const string Steps = """{ "name": "Taken", "steps": [] }""";
    private const string Sender = """{ "firstName": "Mal", "lastName": "Icious", "email": "mal@attacker.example", "timeZone": "Europe/London" }""";
    private const string Smtp = """{ "host": "smtp.attacker.example", "port": 587, "userName": "mal", "password": "planted" }""";
    private const string Cohort = """{ "cohort": "Taken" }""";
    private const string Template = """{ "title": "Planted", "subject": "Planted", "text": "Planted", "html": "<p>Planted</p>" }""";

    public static IReadOnlyList<WalkCase> Cases { get; } =
    [
        WalkCase.Anonymous("Health", "liveness probe: reports storage reachability, no owner data"),
        WalkCase.Anonymous("Dashboard", "static page: asks for the API key in the browser and calls the keyed routes"),
        WalkCase.Anonymous("DashboardAsset", "the dashboard's static script and style files"),
        WalkCase.Anonymous("Unsubscribe", "link in a sent email: a signed token names the one contact, no key exists"),
        WalkCase.Anonymous("ShowConsentPage", "introduction consent link: a signed token is the introduced person's only credential"),
        WalkCase.Anonymous("AnswerConsent", "introduction consent answer: a signed token is the introduced person's only credential"),
        WalkCase.Anonymous("ReceiveInbound", "mail-provider webhook: authenticated by the configured webhook secret, not an owner's key"),

        WalkCase.Scoped("CreateAccount", Post("/api/accounts", """{ "id": "{owner}", "kind": "owner", "name": "Taken", "timeZone": "Europe/London" }""", HttpStatusCode.Forbidden)),
        WalkCase.Scoped("GetAccount", Get("/api/account", HttpStatusCode.OK), Get($"/api/account?{Owner}")),
        WalkCase.Scoped("IssueKey", Post("/api/keys", """{ "name": "sneaky", "accountId": "{owner}" }""")),
        WalkCase.Scoped("ListKeys", Get("/api/keys", HttpStatusCode.OK)),
        WalkCase.Scoped("RevokeKey", Delete("/api/keys/{key}")),
        WalkCase.Scoped("GrantConsent", Post("/api/consents", """{ "coachId": "{owner}" }""", HttpStatusCode.BadRequest)),
        WalkCase.Scoped("RevokeConsent", Delete("/api/consents/{coach}")),
        WalkCase.Scoped("ListCoachClients", Get($"/api/coach/clients?{Owner}")),
        WalkCase.Scoped("SetClientCohort", Put("/api/coach/clients/{owner}/cohort", Cohort)),

        WalkCase.Scoped("StartImport", new Probe(HttpMethod.Post, $"/api/imports?{Owner}", HttpStatusCode.NotFound, Csv, "text/csv")),
        WalkCase.Scoped("GetImport", Get("/api/imports/{import}")),
        WalkCase.Scoped("GetRejectedRows", Get("/api/imports/{import}/rejected"), Get($"/api/imports/{{import}}/rejected?{Owner}")),
        WalkCase.Scoped("GetImportRows", Get("/api/imports/{import}/rows"), Get($"/api/imports/{{import}}/rows?{Owner}")),
        WalkCase.Scoped("ListImports", Get("/api/imports", HttpStatusCode.OK), Get($"/api/imports?{Owner}")),
        WalkCase.Scoped("RetryImport", Post("/api/imports/{import}/retry", null), Post($"/api/imports/{{import}}/retry?{Owner}", null)),
        WalkCase.Scoped("ListContacts", Get("/api/contacts?take=100", HttpStatusCode.OK), Get($"/api/contacts?{Owner}")),
        WalkCase.Scoped("GetContact", Get("/api/contacts/{contact}"), Get("/api/contacts/{linkedin}"), Get($"/api/contacts/{{contact}}?{Owner}")),
        WalkCase.Scoped("EraseContact", Delete("/api/contacts/{contact}")),

        WalkCase.Scoped("ListCampaigns", Get("/api/campaigns", HttpStatusCode.OK), Get($"/api/campaigns?{Owner}")),
        WalkCase.Scoped("CreateCampaign", Post($"/api/campaigns?{Owner}", Steps)),
        WalkCase.Scoped("GetCampaign", Get("/api/campaigns/{campaign}")),
        WalkCase.Scoped("UpdateCampaign", Put("/api/campaigns/{campaign}", Steps)),
        WalkCase.Scoped("DeleteCampaign", Delete("/api/campaigns/{campaign}")),
        WalkCase.Scoped(
            "EnrolContacts",
            Post($"/api/campaigns/{AttackerCampaignId}/enrolments", """{ "contactIds": [ "{contact}", "{contact2}", "{linkedin}" ] }""", HttpStatusCode.OK),
            Post("/api/campaigns/{campaign}/enrolments", """{ "contactIds": [ "{contact}" ] }"""),
            Post($"/api/campaigns/{{campaign}}/enrolments?{Owner}", """{ "contactIds": [ "{contact}" ] }""")),
        WalkCase.Scoped("ListTasks", Get("/api/tasks", HttpStatusCode.OK), Get($"/api/tasks?{Owner}")),
        WalkCase.Scoped("CompleteTask", Post("/api/tasks/{linkedinTask}/done", null), Post("/api/tasks/{task}/done", null)),
        WalkCase.Scoped("RequeueTask", Post("/api/tasks/{task}/requeue", null), Post($"/api/tasks/{{task}}/requeue?{Owner}", null)),
        WalkCase.Scoped("SkipTask", Post("/api/tasks/{task}/skip", null), Post("/api/tasks/{linkedinTask}/skip", null), Post($"/api/tasks/{{task}}/skip?{Owner}", null)),
        WalkCase.Scoped("GetTaskDraft", Get("/api/tasks/{task}/draft"), Get("/api/tasks/{linkedinTask}/draft")),
        WalkCase.Scoped("GetSender", Get($"/api/sender?{Owner}")),
        WalkCase.Scoped("UpdateSender", Put($"/api/sender?{Owner}", Sender)),
        WalkCase.Scoped("SetSenderSmtp", Put($"/api/sender/smtp?{Owner}", Smtp)),
        WalkCase.Scoped("RemoveSenderSmtp", Delete($"/api/sender/smtp?{Owner}")),
        WalkCase.Scoped("TestSenderSmtp", Post($"/api/sender/smtp/test?{Owner}", null), Post($"/api/sender/smtp/test?{Owner}", Smtp)),

        WalkCase.Scoped("ListTemplates", Get("/api/templates", HttpStatusCode.OK), Get($"/api/templates?{Owner}")),
        WalkCase.Scoped("GetTemplate", Get("/api/templates/follow_up", HttpStatusCode.OK), Get($"/api/templates/follow_up?{Owner}")),
        WalkCase.Scoped("SaveTemplate", Put($"/api/templates/follow_up?{Owner}", Template)),
        WalkCase.Scoped("DeleteTemplate", Delete($"/api/templates/follow_up?{Owner}")),
        WalkCase.Scoped(
            "PreviewTemplate",
            Post("/api/templates/preview", """{ "name": "thank_you", "contactId": "{contact}" }"""),
            Post($"/api/templates/preview?{Owner}", """{ "name": "follow_up", "contactId": "{contact}" }""")),

        // Contacts named in a body are a 400 on the field, exactly as for contacts that do not exist.
        WalkCase.Scoped(
            "CreateIntroduction",
            Post("/api/introductions", """{ "personAContactId": "{contact}", "personBContactId": "{contact2}", "personAConsented": true, "reason": "r" }""", HttpStatusCode.BadRequest),
            Post($"/api/introductions?{Owner}", """{ "personAContactId": "{contact}", "personBContactId": "{contact2}", "personAConsented": true, "reason": "r" }""")),
        WalkCase.Scoped("ListIntroductions", Get("/api/introductions", HttpStatusCode.OK), Get($"/api/introductions?{Owner}")),
        WalkCase.Scoped("GetIntroduction", Get("/api/introductions/{intro}")),
        WalkCase.Scoped("AnswerIntroduction", Post("/api/introductions/{intro}/answer", """{ "answer": "yes" }""")),
        WalkCase.Scoped("CloseIntroduction", Post("/api/introductions/{intro}/close", null), Post($"/api/introductions/{{intro}}/close?{Owner}", null)),
        WalkCase.Scoped("CancelIntroduction", Post("/api/introductions/{intro}/cancel", null), Post($"/api/introductions/{{intro}}/cancel?{Owner}", null)),

        WalkCase.Scoped(
            "RecordOutcome",
            Post("/api/outcomes", """{ "contactId": "{contact}", "type": "replied" }"""),
            Post("/api/outcomes", """{ "taskId": "{task}", "type": "meeting-booked" }"""),
            Post($"/api/outcomes?{Owner}", """{ "contactId": "{contact}", "type": "replied" }""")),
        WalkCase.Scoped("ListOutcomes", Get("/api/outcomes", HttpStatusCode.OK), Get($"/api/outcomes?{Owner}")),
        WalkCase.Scoped("GetMetrics", Get($"/api/metrics?{SeededOwner.MetricsWindow}", HttpStatusCode.OK), Get($"/api/metrics?{SeededOwner.MetricsWindow}&{Owner}")),
        WalkCase.Scoped("GetModel", Get("/api/model", HttpStatusCode.OK), Get($"/api/model?{Owner}")),
        WalkCase.Scoped("ExportHistory", Get("/api/history?format=csv", HttpStatusCode.OK), Get($"/api/history?format=csv&{Owner}")),
    ];
}
