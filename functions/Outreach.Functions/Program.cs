using Outreach.Functions.Health;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.LocalRunner;
using Outreach.Functions.Sending;
using Outreach.Functions.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();
builder.Services.AddStorageAccount();
builder.Services.AddLocalTriggerRunner();
builder.Services.AddHealthFunction();
builder.Services.AddSending();

var app = builder.Build();
app.UseExceptionHandler();
app.MapReadiness();
app.MapFunctionInvocations();
app.MapHttpFunctions()
    .MapHealth();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
