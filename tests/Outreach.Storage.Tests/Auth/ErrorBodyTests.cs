using System.Net;
using Azure.Core.Pipeline;

namespace Outreach.Storage.Tests.Auth;

/// <summary>Error details come from the body when a proxy or service omits <c>x-ms-error-code</c>.</summary>
public sealed class ErrorBodyTests
{
    private static StorageAccount Account(RecordingHandler handler) => new(StorageConnection.Development, new StorageClientOptions
    {
        Transport = new HttpClientTransport(new HttpClient(handler)),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task Xml_error_bodies_give_the_code_and_the_first_line_of_the_message()
    {
        var handler = new RecordingHandler(HttpStatusCode.NotFound)
        {
            Body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>QueueNotFound</Code><Message>The specified queue does not exist.\nRequestId:abc\nTime:2026-11-22T02:00:00Z</Message></Error>", "application/xml"),
        };

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => Account(handler).GetQueue("tasks").ClearAsync());

        Assert.Equal("QueueNotFound", error.ErrorCode);
        Assert.Equal("Clearing queue tasks failed: 404 QueueNotFound: The specified queue does not exist.", error.Message);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public async Task Json_odata_error_bodies_give_the_code_and_the_message()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest)
        {
            Body = ("{\"odata.error\":{\"code\":\"PropertyValueTooLarge\",\"message\":{\"lang\":\"en-US\",\"value\":\"The property value exceeds the maximum allowed size (64KB).\"}}}", "application/json"),
        };

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => Account(handler).GetTable("tasks").InsertAsync(new Outreach.Storage.Tables.TableEntity("p", "r")));

        Assert.Equal("PropertyValueTooLarge", error.ErrorCode);
        Assert.Equal("Inserting into table tasks failed: 400 PropertyValueTooLarge: The property value exceeds the maximum allowed size (64KB).", error.Message);
        Assert.IsNotType<StorageConcurrencyException>(error);
    }

    [Fact]
    public async Task Queue_requests_never_carry_content_encoding_or_language()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created)
        {
            Body = ("<QueueMessagesList><QueueMessage><MessageId>m</MessageId><InsertionTime>Sun, 22 Nov 2026 02:07:32 GMT</InsertionTime><ExpirationTime>Sun, 29 Nov 2026 02:07:32 GMT</ExpirationTime><PopReceipt>p</PopReceipt><TimeNextVisible>Sun, 22 Nov 2026 02:07:32 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>", "application/xml"),
        };

        var sent = await Account(handler).GetQueue("tasks").SendAsync("hello");

        Assert.Equal("m", sent.MessageId);
        var request = Assert.Single(handler.Requests);
        Assert.False(request.ContainsKey("Content-Encoding"));
        Assert.False(request.ContainsKey("Content-Language"));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1/tasks/messages?visibilitytimeout=0", request["uri"]);
    }
}
