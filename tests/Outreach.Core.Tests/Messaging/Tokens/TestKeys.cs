using Outreach.Core.Messaging.Tokens;

namespace Outreach.Core.Tests.Messaging.Tokens;

/// <summary>Fixed test keys (test-only; production keys come from configuration).</summary>
internal static class TestKeys
{
    public static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    public static SigningKeyRing Ring(string current, params (string Id, byte Fill)[] keys) =>
        new(current, keys.ToDictionary(k => k.Id, k => Key(k.Fill)));
}
