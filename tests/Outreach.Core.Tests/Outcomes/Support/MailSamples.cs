namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>
/// Raw messages modelled on real ones (identifying values replaced). The sent message they answer had
/// Message-ID &lt;0102018e1a2b3c4d-abc@student.example&gt; (<see cref="SentId"/>).
/// </summary>
internal static partial class MailSamples
{
    public const string SentId = "0102018e1a2b3c4d-abc@student.example";

    public const string ExchangeOutOfOffice = """
        Received: from AM6PR04MB5432.eurprd04.prod.outlook.com (2603:10a6:20b:ab::12) by
         AM0PR04MB6001.eurprd04.prod.outlook.com with HTTPS; Mon, 2 Mar 2026 09:14:03
         +0000
        From: Jane Doe <jane.doe@contoso.com>
        To: Sam Student <sam@student.example>
        Subject: Automatic reply: Thank you for visiting Contoso
        Thread-Topic: Thank you for visiting Contoso
        Thread-Index: AQHaMk2p3x7lYQ2vS0yT8mC8m1b8VQ==
        Date: Mon, 2 Mar 2026 09:14:02 +0000
        Message-ID: <7a1c2e0f9b8d4e6fa2c1@AM6PR04MB5432.eurprd04.prod.outlook.com>
        References: <0102018e1a2b3c4d-abc@student.example>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        Content-Language: en-US
        X-MS-Has-Attach:
        X-MS-Exchange-Organization-SCL: -1
        X-MS-TNEF-Correlator:
        Auto-Submitted: auto-generated
        X-Auto-Response-Suppress: All
        X-MS-Exchange-Inbox-Rules-Loop: jane.doe@contoso.com
        Content-Type: text/plain; charset="us-ascii"
        MIME-Version: 1.0

        I am out of the office until 16 March with limited access to email.
        For urgent matters please contact recruiting@contoso.com.
        """;

    public const string GmailVacationResponder = """
        Received: by mail-sor-f41.google.com with SMTPS id a640c23a62f3a-a1b2c3d4e5sor1234567ejc.4
                for <reply+tok-alex@in.outreach.example>; Mon, 02 Mar 2026 01:20:11 -0800 (PST)
        MIME-Version: 1.0
        References: <0102018e1a2b3c4d-abc@student.example>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        Auto-Submitted: auto-replied
        From: Alex Kim <alex.kim@gmail.com>
        Date: Mon, 2 Mar 2026 01:20:10 -0800
        Message-ID: <CAGk8y7=vacation+Xq1@mail.gmail.com>
        Subject: Re: Great meeting you at the career fair
        To: Sam Student <reply+tok-alex@in.outreach.example>
        Content-Type: text/plain; charset="UTF-8"

        Thanks for your email. I'm travelling until March 10 and will reply when I'm back.
        """;

    public const string Rfc3834Vacation = """
        Return-Path: <>
        Delivered-To: reply+tok-lee@in.outreach.example
        From: Lee Park <lee@park.example>
        To: sam@student.example
        Subject: Away: Re: coffee next week?
        Date: Tue, 3 Mar 2026 07:02:00 +0900
        Message-ID: <20260302220200.8F1A2@mail.park.example>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        Auto-Submitted: auto-replied (vacation)
        Precedence: bulk

        I am away with no email access.
        """;

    // Older Exchange (German locale): no Auto-Submitted, only the encoded subject prefix says it.
    public const string GermanAbwesenheitsnotiz = """
        From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <j.mueller@beispiel.de>
        To: Sam Student <sam@student.example>
        Subject: =?iso-8859-1?Q?Abwesenheitsnotiz:_Danke_f=FCr_das_Gespr=E4ch?=
        Date: Mon, 2 Mar 2026 10:01:00 +0100
        Message-ID: <5F1C0D2B8E9A4C7D@EXCH01.beispiel.local>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        X-Auto-Response-Suppress: All
        Content-Type: text/plain; charset="iso-8859-1"

        Ich bin bis einschließlich 13.03. nicht im Büro.
        """;

    public const string FrenchReponseAutomatique = """
        From: "Dupont, Claire" <claire.dupont@exemple.fr>
        To: sam@student.example
        Subject: =?UTF-8?B?UsOpcG9uc2UgYXV0b21hdGlxdWUgOiBNZXJjaSBwb3VyIGxhIHZpc2l0ZQ==?=
        Date: Mon, 2 Mar 2026 10:05:00 +0100
        Message-ID: <AM9P191MB1234ABCD@AM9P191MB1234.EURP191.PROD.OUTLOOK.COM>
        References: <0102018e1a2b3c4d-abc@student.example>
        Content-Type: text/plain; charset="utf-8"

        Je suis absente jusqu'au 9 mars.
        """;

    // A person answering, in Outlook, about being out of office: must count as a reply.
    public const string HumanReplyMentioningOutOfOffice = """
        From: Jane Doe <jane.doe@contoso.com>
        To: Sam Student <sam@student.example>
        Subject: RE: Out of office next week? Let's meet after
        Thread-Topic: Out of office next week? Let's meet after
        Date: Wed, 4 Mar 2026 16:40:12 +0000
        Message-ID: <DB9PR04MB8123F0A1B2C3D4E5@DB9PR04MB8123.eurprd04.prod.outlook.com>
        References: <0102018e1a2b3c4d-abc@student.example>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        X-MS-Has-Attach:
        X-MS-TNEF-Correlator:
        Content-Type: text/plain; charset="us-ascii"
        MIME-Version: 1.0

        Hi Sam, sorry - I was out of office last week (automatic reply was on).
        Happy to meet Thursday at 10.
        """;

    public const string PostfixHardBounce = """
        Return-Path: <>
        Delivered-To: reply+tok-jane@in.outreach.example
        Date: Mon,  2 Mar 2026 09:00:04 +0000 (UTC)
        From: MAILER-DAEMON@mail.student.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: reply+tok-jane@in.outreach.example
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="3F0A41C0421.1772442004/mail.student.example"
        Message-Id: <20260302090004.5B21A41C0422@mail.student.example>

        This is the mail system at host mail.student.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

                           The mail system

        <Jane.Doe@contoso.com>: host contoso-com.mail.protection.outlook.com[52.101.68.9]
            said: 550 5.1.1 <Jane.Doe@contoso.com>: Recipient address rejected: User
            unknown in virtual mailbox table (in reply to RCPT TO command)

        --3F0A41C0421.1772442004/mail.student.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.student.example
        X-Postfix-Queue-ID: 3F0A41C0421
        Arrival-Date: Mon,  2 Mar 2026 09:00:01 +0000 (UTC)

        Final-Recipient: rfc822; Jane.Doe@contoso.com
        Original-Recipient: rfc822;jane.doe@contoso.com
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; contoso-com.mail.protection.outlook.com
        Diagnostic-Code: smtp; 550 5.1.1 <Jane.Doe@contoso.com>: Recipient address
            rejected: User unknown in virtual mailbox table

        --3F0A41C0421.1772442004/mail.student.example
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: Sam Student <sam@student.example>
        To: Jane Doe <jane.doe@contoso.com>
        Subject: Thank you for visiting our class
        Message-ID: <0102018e1a2b3c4d-abc@STUDENT.EXAMPLE>
        Date: Mon, 2 Mar 2026 09:00:00 +0000

        --3F0A41C0421.1772442004/mail.student.example--
        """;

    public const string ExchangeNdr = """
        From: Microsoft Outlook <postmaster@contoso.onmicrosoft.com>
        To: <sam@student.example>
        Date: Mon, 2 Mar 2026 09:00:07 +0000
        Subject: Undeliverable: Thank you for visiting our class
        Content-Type: multipart/report; report-type="delivery-status";
        	boundary="8c4b1a2e-6d3f-4e2a-9b1c-0f8e7d6c5b4a"
        X-MS-Exchange-Message-Is-Ndr:
        Content-Language: en-US
        Message-ID: <a1b2c3d4-e5f6-4789-abcd-ef0123456789@AM6PR04MB5432.eurprd04.prod.outlook.com>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        References: <0102018e1a2b3c4d-abc@student.example>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0

        Delivery has failed to these recipients or groups:

        former.employee@contoso.com
        The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.

        Diagnostic information for administrators:

        Generating server: AM6PR04MB5432.eurprd04.prod.outlook.com

        former.employee@contoso.com
        Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
        """;

    /// <summary>Exchange Online's current NDR as inbound-parse services pass it on: the first text/plain part only.</summary>
    public const string ExchangeOnlineNdr = """
        From: Microsoft Outlook <postmaster@contoso.onmicrosoft.com>
        To: <sam@student.example>
        Date: Mon, 2 Mar 2026 09:00:07 +0000
        Subject: Undeliverable: Thank you for visiting our class
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"
        X-MS-Exchange-Message-Is-Ndr:
        Message-ID: <ndr-1@AM6PR04MB5432.eurprd04.prod.outlook.com>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        References: <0102018e1a2b3c4d-abc@student.example>
        Auto-Submitted: auto-replied

        Your message to jane.doe@contoso.com couldn't be delivered.
        jane.doe wasn't found at contoso.com.

        sam                 Office 365          jane.doe
        Action Required                         Recipient

        Unknown To address

        How to Fix It
        The address may be misspelled or may not exist.

        More Info for Email Admins
        Status code: 550 5.1.10

        Original Message Details
        Created Date:   3/2/2026 9:00:00 AM
        Sender Address: sam@student.example
        Recipient Address:      jane.doe@contoso.com
        Subject:        Thank you for visiting our class

        Error Details
        Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
        DSN generated by:       AM6PR04MB5432.eurprd04.prod.outlook.com
        """;

    public const string GmailMailerDaemon = """
        Delivered-To: sam@student.example
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: sam@student.example
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        References: <0102018e1a2b3c4d-abc@student.example>
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        X-Failed-Recipients: no.such.user@gmail.com
        Message-ID: <65e2f1a0.050a0220.8c1f2.0000.GMR@mx.google.com>
        Date: Mon, 02 Mar 2026 01:00:08 -0800 (PST)
        Content-Type: multipart/report; boundary="000000000000b9c8d7"; report-type=delivery-status

        ** Address not found **

        Your message wasn't delivered to no.such.user@gmail.com because the address couldn't be found, or is unable to receive mail.

        The response from the remote server was:
        550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a640c23a62f3a-a1b2c3d4e5si1234567ejc.4 - gsmtp
        """;

    public const string GmailMailboxFullDelay = """
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: sam@student.example
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Delay)
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        Message-ID: <65e2f1a0.050a0220.8c1f2.0001.GMR@mx.google.com>
        Date: Mon, 02 Mar 2026 05:00:08 -0800 (PST)
        Content-Type: multipart/report; boundary="000000000000c1d2e3"; report-type=delivery-status

        ** Delivery incomplete **

        There was a temporary problem delivering your message to full.box@example.org. Gmail will retry for 44 more hours.

        Final-Recipient: rfc822; full.box@example.org
        Action: delayed
        Status: 4.2.2
        Diagnostic-Code: smtp; 452 4.2.2 The email account that you tried to reach is over quota.
        """;

    /// <summary>
    /// Gmail refusing the student's own mail for failing DMARC (RFC 3463 x.7.x: security or policy): the recipient's
    /// address is fine, the sender's domain is not.
    /// </summary>
    public const string GmailDmarcRejection = """
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: sam@student.example
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        In-Reply-To: <0102018e1a2b3c4d-abc@student.example>
        X-Failed-Recipients: jane.doe@gmail.com
        Message-ID: <65e2f1a0.050a0220.8c1f2.0002.GMR@mx.google.com>
        Date: Mon, 02 Mar 2026 01:00:09 -0800 (PST)
        Content-Type: multipart/report; boundary="000000000000d4e5f6"; report-type=delivery-status

        ** Message blocked **

        Your message to jane.doe@gmail.com has been blocked. See technical details below for more information.

        Final-Recipient: rfc822; jane.doe@gmail.com
        Action: failed
        Status: 5.7.26
        Diagnostic-Code: smtp; 550 5.7.26 Unauthenticated email from student.example is not accepted due to domain's DMARC policy.
        """;

    /// <summary>The Postfix bounce as a service passes it on when it keeps only the first text part (no DSN fields, no quoted headers).</summary>
    public static string PostfixHardBounceHumanPartOnly =>
        PostfixHardBounce[..PostfixHardBounce.IndexOf("--3F0A41C0421", StringComparison.Ordinal)];
}
