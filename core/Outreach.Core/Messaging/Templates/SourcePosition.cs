namespace Outreach.Core.Messaging.Templates;

/// <summary>Turns character offsets in a template part into 1-based line and column numbers.</summary>
internal sealed class SourcePosition
{
    private readonly List<int> _lineStarts = [0];

    public SourcePosition(string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Of(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
