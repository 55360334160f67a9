using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests;

/// <summary>One real Azurite (the "Azurite" collection) serves every integration test class in this project.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
