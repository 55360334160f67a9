using System.Globalization;

namespace Outreach.Storage.Tables;

/// <summary>
/// A table query filter built from comparisons whose values are escaped literals, e.g.
/// <c>TableFilter.Eq("PartitionKey", pk).And(TableFilter.Le("Due", now))</c>, or
/// <c>TableFilter.Format($"PartitionKey eq {pk} and Due le {now}")</c> where every hole becomes a literal.
/// Converts implicitly to the filter string.
/// </summary>
public sealed class TableFilter
{
    private readonly string _expression;

    private TableFilter(string expression) => _expression = expression;

    /// <summary><c>property eq value</c>.</summary>
    public static TableFilter Eq(string property, object value) => Compare(property, "eq", value);

    /// <summary><c>property ne value</c>.</summary>
    public static TableFilter Ne(string property, object value) => Compare(property, "ne", value);

    /// <summary><c>property gt value</c>.</summary>
    public static TableFilter Gt(string property, object value) => Compare(property, "gt", value);

    /// <summary><c>property ge value</c>.</summary>
    public static TableFilter Ge(string property, object value) => Compare(property, "ge", value);

    /// <summary><c>property lt value</c>.</summary>
    public static TableFilter Lt(string property, object value) => Compare(property, "lt", value);

    /// <summary><c>property le value</c>.</summary>
    public static TableFilter Le(string property, object value) => Compare(property, "le", value);

    /// <summary>Negates a filter.</summary>
    public static TableFilter Not(TableFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new($"not ({filter._expression})");
    }

    /// <summary>Builds a filter from an interpolated string, formatting every hole as an escaped literal.</summary>
    public static TableFilter Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(a => (object)TableFilterLiteral.Format(a!)).ToArray();
        return new(string.Format(CultureInfo.InvariantCulture, filter.Format, literals));
    }

    /// <summary>Both filters hold.</summary>
    public TableFilter And(TableFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new($"({_expression}) and ({other._expression})");
    }

    /// <summary>Either filter holds.</summary>
    public TableFilter Or(TableFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new($"({_expression}) or ({other._expression})");
    }

    /// <summary>The OData filter expression.</summary>
    public override string ToString() => _expression;

    /// <summary>The OData filter expression.</summary>
    public static implicit operator string(TableFilter filter) => filter?._expression!;

    private static TableFilter Compare(string property, string op, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        if (!(char.IsAsciiLetter(property[0]) || property[0] == '_') || !property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{property}' is not a property name.", nameof(property));
        }

        return new($"{property} {op} {TableFilterLiteral.Format(value)}");
    }
}
