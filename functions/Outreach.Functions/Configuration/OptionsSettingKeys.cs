using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace Outreach.Functions.Configuration;

/// <summary>
/// The configuration keys an options class binds from, found the way the configuration binder finds them: every public
/// settable property under the class's <c>SectionName</c>, nested classes recursively, dictionaries and lists as
/// <c>Section:Property:*</c>.
/// </summary>
internal static class OptionsSettingKeys
{
    /// <summary>The house convention: an options class declares <c>public const string SectionName</c>.</summary>
    public const string SectionNameField = "SectionName";

    /// <summary>Options classes (those with a <c>SectionName</c>) defined in <paramref name="assemblies"/>.</summary>
    public static IReadOnlyList<Type> OptionsTypes(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && SectionNameOf(type) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

    public static string? SectionNameOf(Type type) =>
        type.GetField(SectionNameField, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    /// <summary>Every key <paramref name="options"/> binds, with the property that reads it (<c>SmtpOptions.Host</c>).</summary>
    public static IEnumerable<(string Key, string ReadBy)> Keys(Type options) =>
        KeysBelow(options, SectionNameOf(options) ?? throw new ArgumentException($"{options.Name} declares no {SectionNameField}.", nameof(options)), options.Name);

    private static IEnumerable<(string Key, string ReadBy)> KeysBelow(Type type, string prefix, string owner)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var readBy = $"{owner}.{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                if (property.CanWrite)
                {
                    yield return (key, readBy);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                // The binder fills a get-only collection it can add to (a Dictionary or List instance), not a computed view.
                if (property.CanWrite || !propertyType.IsInterface)
                {
                    yield return ($"{key}:{AppSetting.AnyKey}", readBy);
                }
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in KeysBelow(propertyType, key, readBy))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The binder's own test for a value it converts from one string.</summary>
    private static bool IsScalar(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
}
