using Outreach.Functions.Invocation;

namespace Outreach.Functions.Hosting;

/// <summary>
/// Compares the function folders with what the app implements, both ways: every function.json needs a registered
/// function (queue, timer) or a mapped endpoint (HTTP) with the same trigger and binding names, and every registered
/// function needs its function.json. Each mismatch names both sides, so start-up fails with a message one can act on.
/// </summary>
internal static class FunctionAppCheck
{
    public static IReadOnlyList<string> FindMismatches(
        FunctionApp app, IReadOnlyList<FunctionRegistration> registrations, IReadOnlyList<HttpFunctionEndpoint> endpoints)
    {
        var problems = new List<string>();
        foreach (var duplicate in registrations.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is registered by more than one class: {string.Join(", ", duplicate.Select(r => r.Implementation.Name))}.");
        }

        foreach (var function in app.Functions)
        {
            var trigger = function.Trigger;
            if (trigger.Is(BindingTypes.HttpTrigger))
            {
                problems.AddRange(CheckHttp(app, function, endpoints.FirstOrDefault(e => SameName(e.Name, function.Name))));
            }
            else if (trigger.Is(BindingTypes.QueueTrigger) || trigger.Is(BindingTypes.TimerTrigger))
            {
                problems.AddRange(CheckTriggered(function, registrations.FirstOrDefault(r => SameName(r.Name, function.Name))));
            }
            else
            {
                problems.Add($"{function.FunctionJsonPath} declares a {trigger.Type}, which this app does not handle (queueTrigger, timerTrigger, httpTrigger).");
            }
        }

        foreach (var registration in registrations.Where(r => app.Find(r.Name) is null))
        {
            problems.Add($"{registration.Implementation.Name} is registered as {registration.Kind.ToString().ToLowerInvariant()} function '{registration.Name}', but there is no function.json for it ({ExpectedPath(app, registration.Name)}).");
        }

        foreach (var endpoint in endpoints.Where(e => app.Find(e.Name) is null))
        {
            problems.Add($"Endpoint {endpoint.DisplayName} is marked as HTTP function '{endpoint.Name}', but there is no function.json for it ({ExpectedPath(app, endpoint.Name)}).");
        }

        return problems;
    }

    private static IEnumerable<string> CheckTriggered(FunctionDefinition function, FunctionRegistration? registration)
    {
        var trigger = function.Trigger;
        var expectedKind = trigger.Is(BindingTypes.QueueTrigger) ? FunctionKind.Queue : FunctionKind.Timer;
        var expectedInterface = expectedKind == FunctionKind.Queue ? nameof(IQueueFunction) : nameof(ITimerFunction);
        if (registration is null)
        {
            yield return $"{function.FunctionJsonPath} declares {trigger.Type} function '{function.Name}', but no {expectedInterface} named '{function.Name}' is registered.";
            yield break;
        }

        if (registration.Kind != expectedKind)
        {
            yield return $"{function.FunctionJsonPath} declares a {trigger.Type}, but {registration.Implementation.Name} registers '{function.Name}' as a {registration.Kind.ToString().ToLowerInvariant()} function.";
            yield break;
        }

        if (!string.Equals(registration.TriggerBinding, trigger.Name, StringComparison.Ordinal))
        {
            yield return $"{function.FunctionJsonPath} names its {trigger.Type} binding '{trigger.Name}', but {registration.Implementation.Name} expects '{registration.TriggerBinding}'.";
        }

        foreach (var output in registration.OutputBindings.Where(o => !function.Outputs.Any(b => string.Equals(b.Name, o, StringComparison.Ordinal))))
        {
            yield return $"{registration.Implementation.Name} writes output binding '{output}', but {function.FunctionJsonPath} declares no output named '{output}'.";
        }
    }

    private static IEnumerable<string> CheckHttp(FunctionApp app, FunctionDefinition function, HttpFunctionEndpoint? endpoint)
    {
        if (!function.IsForwardedHttp)
        {
            yield return $"{function.FunctionJsonPath}: HTTP functions here rely on request forwarding, so the bindings must be exactly one httpTrigger and one http output (found {string.Join(", ", function.Bindings.Select(b => b.Type))}).";
        }

        if (app.Host.CustomHandler?.EnableForwardingHttpRequest != true)
        {
            yield return $"{function.FunctionJsonPath} declares HTTP function '{function.Name}', but host.json does not set customHandler.enableForwardingHttpRequest to true.";
        }

        var route = "/" + string.Join('/', new[] { app.Host.Extensions.Http.RoutePrefix, function.Trigger.Route ?? function.Name }
            .Select(part => part.Trim('/')).Where(part => part.Length > 0));
        if (endpoint is null)
        {
            yield return $"{function.FunctionJsonPath} declares HTTP function '{function.Name}' at {route}, but no endpoint is mapped with .AsFunction(\"{function.Name}\").";
            yield break;
        }

        if (!string.Equals(route.TrimEnd('/'), endpoint.Route.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{function.FunctionJsonPath} routes HTTP function '{function.Name}' to {route}, but endpoint {endpoint.DisplayName} listens on {endpoint.Route}.";
        }

        var declared = (function.Trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
        var mapped = endpoint.Methods.Order(StringComparer.Ordinal).ToList();
        if (!declared.SequenceEqual(mapped))
        {
            yield return $"{function.FunctionJsonPath} allows methods [{string.Join(", ", declared)}] for '{function.Name}', but endpoint {endpoint.DisplayName} accepts [{string.Join(", ", mapped)}].";
        }
    }

    private static string ExpectedPath(FunctionApp app, string name) =>
        Path.Combine(app.RootPath, FunctionAppLoader.RepositoryFunctionsFolder, name, FunctionAppLoader.FunctionJsonFileName)
        + " or " + Path.Combine(app.RootPath, name, FunctionAppLoader.FunctionJsonFileName);

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
