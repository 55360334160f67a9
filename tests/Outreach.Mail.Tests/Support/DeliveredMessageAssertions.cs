using System.Text.Json;

namespace Outreach.Mail.Tests.Support;

/// <summary>What every Outreach message must look like once a real parser (maildev's) has read it.</summary>
internal static class DeliveredMessageAssertions
{
    public static void AssertIsSampleNote(JsonElement email, string messageId)
    {
        var headers = email.GetProperty("headers");
        Assert.Equal(messageId, headers.GetProperty("message-id").GetString());
        Assert.Equal("reply+task-1.k1.abcdefghijklmnop@students.example.edu", email.GetProperty("replyTo")[0].GetProperty("address").GetString());
        Assert.Equal($"<{SampleMessages.Mailto}>, <{SampleMessages.OneClick}>", headers.GetProperty("list-unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
        Assert.Equal("task-1", headers.GetProperty("x-outreach-task").GetString());

        Assert.Equal(SampleMessages.Subject, email.GetProperty("subject").GetString());
        Assert.Equal("Zoë Ångström", email.GetProperty("from")[0].GetProperty("name").GetString());
        Assert.Equal("zoe@students.example.edu", email.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Equal("Ann Lee", email.GetProperty("to")[0].GetProperty("name").GetString());

        Assert.Equal(SampleMessages.Text, email.GetProperty("text").GetString()!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(SampleMessages.Html, email.GetProperty("html").GetString());
        Assert.StartsWith("multipart/alternative", headers.GetProperty("content-type").GetString(), StringComparison.Ordinal);
    }
}
