namespace Outreach.Core.Imports;

/// <summary>How a file is to be read: its encoding and its header (which gives separator, format and columns).</summary>
internal sealed record ImportDetection(DetectedEncoding Encoding, HeaderMatch Header);
