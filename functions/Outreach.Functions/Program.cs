var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The Functions host polls GET / until any HTTP answer comes back; that is its readiness check.
app.MapGet("/", () => TypedResults.Ok(new { service = "outreach" }));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
