using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Invocation;

/// <summary>The handler as a Functions host sees it: envelopes in the documented and the real shapes, answers in the host's shape.</summary>
public sealed class InvocationContractTests : IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.Create(TestFunctionJson.Echo, TestFunctionJson.Flaky, TestFunctionJson.Broken, TestFunctionJson.Tick);
    private readonly InvocationRecorder _recorder = new();
    private readonly FunctionAppFactory _factory;
    private readonly HttpClient _client;

    public InvocationContractTests()
    {
        _factory = FunctionAppFactory.AsHost(
            _root.Path,
            services => services.AddSingleton(_recorder).AddQueueFunction<EchoFunction>().AddQueueFunction<FlakyFunction>().AddQueueFunction<BrokenFunction>()
                .AddTimerFunction<TickFunction>(),
            ("EchoQueue", "echo"), ("FlakyQueue", "flaky"));
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Queue_invocation_in_the_documented_shape_reaches_the_function_and_answers_in_the_host_shape()
    {
        using var response = await PostAsync("/Echo", EnvelopeSamples.QueueDocumented);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var trigger = Assert.Single(_recorder.Of<QueueTrigger>("Echo"));
        Assert.Equal("{ message: \"Message sent\" }", trigger.Message);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", trigger.Id);
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", trigger.PopReceipt);
        Assert.Equal(1, trigger.DequeueCount);
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), trigger.InsertionTime);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        InvocationResponseAssert.HasHostShape(body.RootElement);
        var echoed = Assert.Single(body.RootElement.GetProperty("Outputs").GetProperty("echoed").EnumerateArray());
        Assert.Equal("{ message: \"Message sent\" }", echoed.GetProperty("received").GetString());
        Assert.Equal("echoed message 800ae4b3-bdd2-4c08-badd-f08e5a34b865", Assert.Single(body.RootElement.GetProperty("Logs").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Queue_invocation_in_the_real_host_shape_is_decoded_once_more_and_its_metadata_unquoted()
    {
        using var response = await PostAsync("/Echo", EnvelopeSamples.QueueRealHost);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trigger = Assert.Single(_recorder.Of<QueueTrigger>("Echo"));
        Assert.Equal("{\"message\":\"hello\"}", trigger.Message);
        Assert.Equal("4e773554-f6b7-4ea2-b07d-4c5fd5aba741", trigger.Id);
        Assert.Equal("AgAAAAMAAAAAAAAAtrGA0b/92QE=", trigger.PopReceipt);
        Assert.Equal(2, trigger.DequeueCount);
        Assert.Equal(new DateTimeOffset(2023, 10, 12, 20, 23, 49, 640, TimeSpan.Zero).AddTicks(20), trigger.NextVisibleTime);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        InvocationResponseAssert.HasHostShape(body.RootElement);
    }

    [Fact]
    public async Task Timer_invocation_with_a_schedule_status_reports_it_and_past_due()
    {
        using var response = await PostAsync("/Tick", EnvelopeSamples.TimerWithStatus);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var trigger = Assert.Single(_recorder.Of<TimerTrigger>("Tick"));
        Assert.True(trigger.IsPastDue);
        Assert.Equal(
            new TimerScheduleStatus(
                new DateTimeOffset(2023, 10, 12, 20, 10, 0, TimeSpan.Zero),
                new DateTimeOffset(2023, 10, 12, 20, 15, 0, TimeSpan.Zero),
                new DateTimeOffset(2023, 10, 12, 20, 10, 0, 500, TimeSpan.Zero)),
            trigger.Status);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        InvocationResponseAssert.HasHostShape(body.RootElement);
    }

    [Fact]
    public async Task Timer_invocation_without_a_schedule_status_has_none()
    {
        using var response = await PostAsync("/Tick", EnvelopeSamples.TimerWithoutStatus);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new TimerTrigger(false, null), Assert.Single(_recorder.Of<TimerTrigger>("Tick")));
    }

    [Fact]
    public async Task Timer_invocation_whose_value_arrives_json_encoded_into_a_string_is_read_the_same()
    {
        var encoded = JsonSerializer.Serialize(JsonDocument.Parse(EnvelopeSamples.TimerWithStatus).RootElement.GetProperty("Data").GetProperty("tick").GetRawText());
        using var response = await PostAsync("/Tick", $$"""{ "Data": { "tick": {{encoded}} }, "Metadata": {} }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(_recorder.Of<TimerTrigger>("Tick")).IsPastDue);
    }

    [Fact]
    public async Task Failed_invocation_answers_500_with_a_json_error_so_the_host_retries()
    {
        using var response = await PostAsync("/Flaky", EnvelopeSamples.QueueDocumented.Replace("\"item\"", "\"message\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("the test function fails on demand", body.RootElement.GetProperty("Error").GetString());
    }

    [Fact]
    public async Task Function_that_throws_answers_500_with_problem_details_so_the_host_retries()
    {
        using var response = await PostAsync("/Broken", EnvelopeSamples.QueueDocumented.Replace("\"item\"", "\"message\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Envelope_without_a_message_id_is_rejected_with_400_naming_the_field()
    {
        using var response = await PostAsync("/Echo", """{ "Data": { "item": "hi" }, "Metadata": { "DequeueCount": 1 } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Metadata.Id", body.RootElement.GetProperty("field").GetString());
        Assert.Empty(_recorder.Of<QueueTrigger>("Echo"));
    }

    [Fact]
    public async Task Envelope_missing_the_trigger_binding_is_rejected_with_400_naming_it()
    {
        using var response = await PostAsync("/Echo", """{ "Data": { "other": "hi" }, "Metadata": { "Id": "1", "DequeueCount": 1 } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Data.item", body.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Invocation_of_an_unknown_function_answers_404()
    {
        using var response = await PostAsync("/Nobody", EnvelopeSamples.QueueDocumented);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_probe_at_the_root_answers_200()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Forwarded_http_request_to_api_health_reaches_the_health_function()
    {
        using var response = await _client.GetAsync(new Uri("/api/health", UriKind.Relative));

        // Storage is deliberately not configured here; Health says so with 503 (the Azurite test covers 200).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not-configured", body.RootElement.GetProperty("storage").GetString());
        Assert.StartsWith("1.0.0", body.RootElement.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _root.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", "6a4f1f2e-0d1b-4f3c-9d5e-2b7a8c9d0e1f");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1037.0");
        return _client.SendAsync(request);
    }
}
