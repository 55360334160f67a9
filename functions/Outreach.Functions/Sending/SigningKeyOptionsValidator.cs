using Microsoft.Extensions.Options;
using Outreach.Core.Messaging.Tokens;

namespace Outreach.Functions.Sending;

/// <summary>
/// Checks the token-signing keys (section <c>Tokens</c>) when the app starts: every email carries a signed unsubscribe
/// link and every introduction signed consent links, so an app without a valid ring must not start and answer 500 on
/// those routes later. The message names the settings, never a key's value.
/// </summary>
internal sealed class SigningKeyOptionsValidator : IValidateOptions<SigningKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            SigningKeyRing.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(
                $"Token signing keys: {e.Message.Split(" (Parameter", 2)[0]} Set {SigningKeyOptions.SectionName}:CurrentKeyId and " +
                $"{SigningKeyOptions.SectionName}:Keys:<id> (base64, at least {SigningKeyRing.MinKeyBytes} bytes; ./run.sh makes one in .local/token-key).");
        }
    }
}
