#!/usr/bin/env python3
"""Writes the hand-made SpreadsheetML fixtures (python3 make-form4-xlsx.py, from this folder).

form4.xlsx: one sheet laid out as an officer keeps 様式4 — a title row and the 契約件名 row above the
header, 区分 merged down the rows of each role, birth dates as Excel date serials (styled as dates) and
as 和暦 text, the form's combined パスポート番号及び国籍 column, an empty row, and the ※ notes below.
form4-two-sheets.xlsx: two contracts' sheets of that shape, and a third sheet with no roster.
"""
import zipfile
from xml.sax.saxutils import escape

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
{sheets}</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
# Style 0: General; style 1: Excel's built-in date format 14; style 2: a custom 和暦 format (ggge年m月d日).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""

HEADER = ["区分", "記号", "氏名", "個人住所\n※5", "生年月日\n※5", "所属部署", "役職", "パスポート番号及び国籍", "報告先", "必要性"]


def form4_rows(title):
    """(row number, [(column letter, value, kind)]), kind: s = text, d = date serial with style."""
    cols = "ABCDEFGHIJ"
    rows = [
        (1, [("A", "様式4　情報取扱者名簿及び情報管理体制図", "s")]),
        (2, [("A", "契約件名：" + title, "s")]),
        (4, [(cols[i], h, "s") for i, h in enumerate(HEADER)]),
        (5, [("A", "情報管理責任者", "s"), ("B", "A", "s"), ("C", "経済　太郎", "s"), ("D", "東京都千代田区霞が関1-3-1", "s"),
             ("E", 25659, "d1"), ("F", "調査部", "s"), ("G", "部長", "s"), ("J", "全体の責任者", "s")]),
        (6, [("A", "情報取扱管理者", "s"), ("B", "B", "s"), ("C", "産業　花子", "s"), ("E", "昭和55年7月20日", "s"),
             ("F", "調査部", "s"), ("G", "課長", "s"), ("I", "A", "s"), ("J", "進捗の管理", "s")]),
        # 業務従事者 merged over rows 7–10; row 9 is left empty (a spare line of the form).
        (7, [("A", "業務従事者", "s"), ("B", "C", "s"), ("C", "Emily Carter", "s"), ("E", 32918, "d2"),
             ("F", "調査部", "s"), ("H", "TZ1234567\nアメリカ合衆国", "s"), ("I", "B", "s"), ("J", "英語文献の調査", "s")]),
        (8, [("B", "Ｄ", "s"), ("C", "金　民俊", "s"), ("E", "S60.1.15", "s"), ("F", "分析部", "s"),
             ("H", "M12345678 韓国", "s"), ("I", "B", "s"), ("J", "データ分析", "s")]),
        (10, [("B", "E", "s"), ("C", "佐藤　一郎", "s"), ("E", "1992/3/4", "s"), ("F", "分析部", "s"), ("I", "B", "s"),
              ("J", "統計処理", "s")]),
        (12, [("A", "※1　受託者の情報管理責任者を記載すること。", "s")]),
        (13, [("A", "※5　個人住所及び生年月日は、契約締結前は記載を要しない。", "s")]),
    ]
    merges = ["A1:J1", "A2:J2", "A7:A10"]
    return rows, merges


def sheet_xml(rows, merges, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, cells in rows:
        out.append(f'<row r="{number}">')
        for col, value, kind in cells:
            ref = f"{col}{number}"
            if kind == "s":
                if value not in strings:
                    strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>')
            else:
                out.append(f'<c r="{ref}" s="{kind[1]}"><v>{value}</v></c>')
        out.append("</row>")
    out.append("</sheetData>")
    out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def write(path, sheets):
    strings = []
    parts = [(name, sheet_xml(rows, merges, strings)) for name, (rows, merges) in sheets]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT.format(sheets="".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n'
            for i in range(len(parts)))))
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
                   "".join(f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(parts)) +
                   "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
                   "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                           for i in range(len(parts))) +
                   f'<Relationship Id="rId{len(parts) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                   f'<Relationship Id="rId{len(parts) + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   "</Relationships>")
        z.writestr("xl/styles.xml", STYLES)
        for i, (_, xml) in enumerate(parts):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">' +
                   "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")


write("form4.xlsx", [("様式4", form4_rows("水銀規制に関する国内外実態調査"))])
write("form4-two-sheets.xlsx", [("K1", form4_rows("水銀規制に関する国内外実態調査")),
                                ("K2", form4_rows("化学物質の安全性評価")),
                                ("メモ", ([(1, [("A", "連絡先一覧", "s")])], []))])
