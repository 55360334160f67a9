using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Renders templates with Handlebars.Net. The HTML part is compiled with Handlebars' HTML escaping; the subject and
/// text parts with escaping off (they are not HTML), and the subject is then collapsed to one header-safe line.
/// Compiled templates are cached by template id and <see cref="MessageTemplate.Fingerprint"/>, so a send run of
/// thousands of messages compiles each template once. Thread-safe; create one and share it.
/// </summary>
public sealed class TemplateRenderer
{
    /// <summary>Compiled templates kept before the cache is emptied (templates are few; this bounds a pathological caller).</summary>
    public const int MaxCachedTemplates = 1024;

    private readonly IHandlebars _html = CreateEnvironment(escapeHtml: true);
    private readonly IHandlebars _plain = CreateEnvironment(escapeHtml: false);
    private readonly ConcurrentDictionary<(string Id, string Fingerprint), CompiledTemplate> _cache = new();
    private readonly Lock _compileGate = new();
    private int _compilations;

    /// <summary>How many templates were compiled so far (a cache hit compiles nothing).</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    /// <summary>Renders <paramref name="template"/> for <paramref name="model"/>.</summary>
    /// <exception cref="DomainException">The template is invalid (same checks as <see cref="TemplateValidator.Validate"/>).</exception>
    public RenderedMessage Render(MessageTemplate template, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        var compiled = Compiled(template);
        var data = model.ToData();
        return new RenderedMessage(
            HeaderText.ToSingleLine(compiled.Subject(data)),
            compiled.Text(data),
            compiled.Html(data));
    }

    private CompiledTemplate Compiled(MessageTemplate template)
    {
        var key = (template.Id, template.Fingerprint);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        lock (_compileGate)
        {
            if (_cache.TryGetValue(key, out cached))
            {
                return cached;
            }

            TemplateValidator.Validate(template);
            var compiled = new CompiledTemplate(
                Compile(_plain, template, TemplatePart.Subject),
                Compile(_plain, template, TemplatePart.Text),
                Compile(_html, template, TemplatePart.Html));
            if (_cache.Count >= MaxCachedTemplates)
            {
                _cache.Clear();
            }

            _cache[key] = compiled;
            _compilations++;
            return compiled;
        }
    }

    private static HandlebarsTemplate<object, object> Compile(IHandlebars environment, MessageTemplate template, TemplatePart part)
    {
        try
        {
            return environment.Compile(template.SourceOf(part));
        }
        catch (HandlebarsException e)
        {
            // The validator mirrors Handlebars' grammar, so this is a construct it did not foresee: still the user's input.
            throw new DomainException("template.compile-error", $"The {part.ToString().ToLowerInvariant()} part does not compile: {e.Message}", part.ToString().ToLowerInvariant());
        }
    }

    private static IHandlebars CreateEnvironment(bool escapeHtml)
    {
        var environment = Handlebars.Create(new HandlebarsConfiguration { NoEscape = !escapeHtml });
        environment.RegisterHelper("default", (in HelperOptions _, in Context _, in Arguments arguments) => DefaultHelper(arguments));
        return environment;
    }

    /// <summary><c>{{default value fallback}}</c>: the value unless it is missing or blank. Output is escaped like any value.</summary>
    private static object? DefaultHelper(Arguments arguments)
    {
        var value = arguments.Length > 0 ? arguments[0] : null;
        var fallback = arguments.Length > 1 ? arguments[1] : null;
        return value is null || value is UndefinedBindingResult || (value is string s && string.IsNullOrWhiteSpace(s)) ? fallback : value;
    }

    private sealed record CompiledTemplate(
        HandlebarsTemplate<object, object> Subject,
        HandlebarsTemplate<object, object> Text,
        HandlebarsTemplate<object, object> Html);
}
