using Outreach.Functions.Accounts;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Dashboard;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Health;
using Outreach.Functions.Hosting;
using Outreach.Functions.Imports;
using Outreach.Functions.Introductions;
using Outreach.Functions.Invocation;
using Outreach.Functions.LocalRunner;
using Outreach.Functions.Metrics;
using Outreach.Functions.Outcomes;
using Outreach.Functions.Scoring;
using Outreach.Functions.Security;
using Outreach.Functions.Sending;
using Outreach.Functions.Storage;
using Outreach.Functions.Templates;

if (AccountsCommand.Matches(args))
{
    return await AccountsCommand.RunAsync(args, new ConfigurationBuilder().AddEnvironmentVariables().Build(), Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();
builder.AddSecurity();
builder.Services.AddStorageAccount();
builder.Services.AddLocalTriggerRunner();
builder.Services.AddHealthFunction();
builder.Services.AddDispatching();
builder.Services.AddSending();
builder.Services.AddOutcomes();
builder.Services.AddResponseModel();
builder.Services.AddMetricsApi();
builder.Services.AddDashboard();
builder.Services.AddImports();
builder.Services.AddCampaigns();
builder.Services.AddIntroductions();

var app = builder.Build();
app.UseSecurity();
app.MapReadiness();
app.MapFunctionInvocations();
var api = app.MapHttpFunctions().RequireApiKey();
api.MapHealth().AllowAnonymous();
api.MapAccounts();
api.MapApiKeys();
api.MapConsents();
api.MapCoachRoster();
api.MapTemplates();
api.MapOutcomesApis();
api.MapModel();
api.MapMetrics();
api.MapDashboard();
app.MapDashboardShortcut();
api.MapImports();
api.MapImportListings();
api.MapContacts();
api.MapCampaigns();
api.MapTasks();
api.MapSender();
api.MapSenderSmtp();
api.MapIntroductions();
api.MapIntroductionClosing();
api.MapConsentLinks();

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
