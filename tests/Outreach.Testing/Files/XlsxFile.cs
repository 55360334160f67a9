using System.IO.Compression;
using System.Security;
using System.Text;

namespace Outreach.Testing.Files;

/// <summary>
/// A minimal .xlsx written by hand, as Excel lays it out: each sheet's cells as inline strings, numbers, or numbers
/// styled as dates (built-in format 14) or date-times (format 22), so the tests need no spreadsheet library that writes.
/// </summary>
public static class XlsxFile
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook whose sheets hold the given rows; a cell is a string, a double, a DateOnly, a DateTime, or null for none.</summary>
    public static byte[] Create(params object?[][][] sheets)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
                "</Types>");
            Add(zip, "_rels/.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>" +
                string.Concat(sheets.Select((_, i) => $"<sheet name=\"Sheet{i + 1}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
                "</sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                $"<Relationship Id=\"rIdStyles\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/></Relationships>");
            Add(zip, "xl/styles.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Main}\"><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            for (var s = 0; s < sheets.Length; s++)
            {
                Add(zip, $"xl/worksheets/sheet{s + 1}.xml", Sheet(sheets[s]));
            }
        }

        return buffer.ToArray();
    }

    private static string Sheet(object?[][] rows)
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                xml.Append(rows[r][c] switch
                {
                    null => string.Empty,
                    string text => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>",
                    double number => $"<c r=\"{reference}\"><v>{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
                    DateOnly date => $"<c r=\"{reference}\" s=\"1\"><v>{date.DayNumber - new DateOnly(1899, 12, 30).DayNumber}</v></c>",
                    DateTime moment => $"<c r=\"{reference}\" s=\"2\"><v>{(moment - new DateTime(1899, 12, 30)).TotalDays.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
                    var other => throw new ArgumentException($"No cell for {other.GetType().Name}."),
                });
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
