namespace Outreach.Functions.Hosting;

/// <summary>host.json or a function.json is missing, malformed, or disagrees with the functions the app registers.</summary>
internal sealed class FunctionAppConfigurationException : Exception
{
    public FunctionAppConfigurationException(string message)
        : base(message)
    {
    }

    public FunctionAppConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FunctionAppConfigurationException()
    {
    }
}
