namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>One reply from "Doe, Jane" as each inbound service would post it.</summary>
internal static class InboundPayloads
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 3, 2, 10, 15, 0, TimeSpan.Zero);

    public const string Canonical = """
        {
          "from": "\"Doe, Jane\" <jane.doe@contoso.com>",
          "to": ["Sam Student <reply+tok-jane@in.outreach.example>"],
          "subject": "Re: Thank you for visiting our class",
          "messageId": "<CAJ1x=reply-42@Mail.Contoso.com>",
          "inReplyTo": "<0102018e1a2b3c4d-abc@student.example>",
          "references": ["<0102018e1a2b3c4d-abc@student.example>"],
          "text": "Thanks Sam, happy to stay in touch.\n\nOn Mon, Sam wrote:\n> Thank you",
          "strippedText": "Thanks Sam, happy to stay in touch.",
          "html": "<p>Thanks Sam, happy to stay in touch.</p>",
          "receivedAt": "2026-03-02T10:15:00Z",
          "headers": {
            "Date": "Mon, 2 Mar 2026 10:14:58 +0000",
            "Delivered-To": "reply+tok-jane@in.outreach.example"
          }
        }
        """;

    private const string RawHeaders =
        "Received: from mail.contoso.com (mail.contoso.com [203.0.113.5]) by mx.sendgrid.net with ESMTP id abc\n" +
        "Message-ID: <CAJ1x=reply-42@Mail.Contoso.com>\n" +
        "In-Reply-To: <0102018e1a2b3c4d-abc@student.example>\n" +
        "References: <0102018e1a2b3c4d-abc@student.example>\n" +
        "Date: Mon, 2 Mar 2026 10:14:58 +0000\n" +
        "From: \"Doe, Jane\" <jane.doe@contoso.com>\n" +
        "To: Sam Student <reply+tok-jane@in.outreach.example>\n" +
        "Subject: Re: Thank you for visiting our class\n" +
        "Content-Type: multipart/alternative; boundary=\"000000000000abc\"\n";

    public static Dictionary<string, string> SendGrid() => new()
    {
        ["headers"] = RawHeaders,
        ["from"] = "\"Doe, Jane\" <jane.doe@contoso.com>",
        ["to"] = "Sam Student <reply+tok-jane@in.outreach.example>",
        ["subject"] = "Re: Thank you for visiting our class",
        ["text"] = "Thanks Sam, happy to stay in touch.\n\nOn Mon, Sam wrote:\n> Thank you",
        ["html"] = "<p>Thanks Sam, happy to stay in touch.</p>",
        ["envelope"] = """{"to":["reply+tok-jane@in.outreach.example"],"from":"jane.doe@contoso.com"}""",
        ["charsets"] = """{"to":"UTF-8","html":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"UTF-8"}""",
        ["SPF"] = "pass",
        ["sender_ip"] = "203.0.113.5",
    };

    public static Dictionary<string, string> Mailgun() => new()
    {
        ["recipient"] = "reply+tok-jane@in.outreach.example",
        ["sender"] = "jane.doe@contoso.com",
        ["From"] = "\"Doe, Jane\" <jane.doe@contoso.com>",
        ["To"] = "Sam Student <reply+tok-jane@in.outreach.example>",
        ["subject"] = "Re: Thank you for visiting our class",
        ["Message-Id"] = "<CAJ1x=reply-42@Mail.Contoso.com>",
        ["In-Reply-To"] = "<0102018e1a2b3c4d-abc@student.example>",
        ["References"] = "<0102018e1a2b3c4d-abc@student.example>",
        ["Date"] = "Mon, 2 Mar 2026 10:14:58 +0000",
        ["body-plain"] = "Thanks Sam, happy to stay in touch.\n\nOn Mon, Sam wrote:\n> Thank you",
        ["stripped-text"] = "Thanks Sam, happy to stay in touch.",
        ["body-html"] = "<p>Thanks Sam, happy to stay in touch.</p>",
        ["timestamp"] = "1772446500",
        ["token"] = "5f0c1c3e2b",
        ["signature"] = "0f1e2d3c4b5a",
        ["message-headers"] = """
            [["Received","from mail.contoso.com by mxa.mailgun.org"],
             ["Message-Id","<CAJ1x=reply-42@Mail.Contoso.com>"],
             ["In-Reply-To","<0102018e1a2b3c4d-abc@student.example>"],
             ["References","<0102018e1a2b3c4d-abc@student.example>"],
             ["Date","Mon, 2 Mar 2026 10:14:58 +0000"],
             ["From","\"Doe, Jane\" <jane.doe@contoso.com>"],
             ["To","Sam Student <reply+tok-jane@in.outreach.example>"],
             ["Subject","Re: Thank you for visiting our class"]]
            """,
    };

    public const string Postmark = """
        {
          "FromName": "Doe, Jane",
          "MessageStream": "inbound",
          "From": "jane.doe@contoso.com",
          "FromFull": { "Email": "jane.doe@contoso.com", "Name": "Doe, Jane", "MailboxHash": "" },
          "To": "\"Sam Student\" <reply+tok-jane@in.outreach.example>",
          "ToFull": [ { "Email": "reply+tok-jane@in.outreach.example", "Name": "Sam Student", "MailboxHash": "tok-jane" } ],
          "Cc": "",
          "CcFull": [],
          "OriginalRecipient": "reply+tok-jane@in.outreach.example",
          "Subject": "Re: Thank you for visiting our class",
          "MessageID": "73e6d360-66eb-11e1-8e72-a8904824019b",
          "ReplyTo": "",
          "MailboxHash": "tok-jane",
          "Date": "Mon, 2 Mar 2026 10:14:58 +0000",
          "TextBody": "Thanks Sam, happy to stay in touch.\n\nOn Mon, Sam wrote:\n> Thank you",
          "HtmlBody": "<p>Thanks Sam, happy to stay in touch.</p>",
          "StrippedTextReply": "Thanks Sam, happy to stay in touch.",
          "Tag": "",
          "Headers": [
            { "Name": "X-Spam-Status", "Value": "No" },
            { "Name": "Message-ID", "Value": "<CAJ1x=reply-42@Mail.Contoso.com>" },
            { "Name": "In-Reply-To", "Value": "<0102018e1a2b3c4d-abc@student.example>" },
            { "Name": "References", "Value": "<0102018e1a2b3c4d-abc@student.example>" }
          ],
          "Attachments": []
        }
        """;
}
