# Writes class-visit.xls, a real Excel 97-2003 (BIFF8) workbook for WorkbookConverterTests, with xlwt
# (Debian: apt-get install python3-xlwt; run with /usr/bin/python3 from this folder). Kept to show how the
# binary fixture was made; the tests read the committed file and do not run this.
import xlwt, datetime
wb = xlwt.Workbook(encoding='utf-8')
ws = wb.add_sheet('Contacts')
date_style = xlwt.easyxf(num_format_str='DD/MM/YYYY')
rows = [
    ["First name", "Last name", "Email", "Company", "Met on", "What we talked about"],
    ["Ada", "Lovelace", "ada@example.org", "Acme, Inc.", datetime.date(2024, 11, 14), 'She said "hello"\nand more'],
    [],
    ["Zoë", "Ångström", "zoe@example.org", None, None, None],
    ["Zip", None, None, None, None, 1984],
]
for r, row in enumerate(rows):
    for c, v in enumerate(row):
        if v is None: continue
        if isinstance(v, datetime.date): ws.write(r, c, v, date_style)
        else: ws.write(r, c, v)
other = wb.add_sheet('Ignored')
other.write(0, 0, 'Ignored'); other.write(0, 1, 'sheet')
wb.save('class-visit.xls')
