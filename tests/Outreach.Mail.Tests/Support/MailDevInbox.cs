using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Support;

/// <summary>One real maildev for every test that reads an inbox; tests in the collection run one at a time and empty it first.</summary>
[CollectionDefinition(Name)]
public sealed class MailDevInbox : ICollectionFixture<MailDevFixture>
{
    public const string Name = "maildev";
}
