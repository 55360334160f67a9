namespace Outreach.Core.Imports;

/// <summary>The length limits one import applies: <see cref="RowLimits"/>, each lowered to the deployment's cap on any one field.</summary>
internal readonly record struct FieldLimits(int Name, int Email, int Url, int Notes, int Tags)
{
    /// <summary><see cref="RowLimits"/> capped at <paramref name="maxFieldLength"/> (null: no cap).</summary>
    public static FieldLimits Within(int? maxFieldLength)
    {
        var cap = maxFieldLength ?? int.MaxValue;
        return new FieldLimits(
            Math.Min(RowLimits.Name, cap),
            Math.Min(RowLimits.Email, cap),
            Math.Min(RowLimits.Url, cap),
            Math.Min(RowLimits.Notes, cap),
            Math.Min(RowLimits.Tags, cap));
    }
}
