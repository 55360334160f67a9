using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.LocalRunner;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();
builder.Services.AddLocalTriggerRunner();

var app = builder.Build();
app.UseExceptionHandler();
app.MapReadiness();
app.MapFunctionInvocations();
app.MapHttpFunctions();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
