#!/usr/bin/env python3
# Writes scanned.pdf, scripted.pdf and incremental.pdf (from clean.pdf) in the current folder;
# run `qpdf X.pdf Y.pdf` on the first two afterwards to get exact cross-reference offsets.
import re

def pdf(objs):
    out = b"%PDF-1.7\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out

def stream(d, data):
    return b"<< " + d + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

img = stream(b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", b"\x80\x40\x40\x80")
open("scanned.pdf", "wb").write(pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    img, stream(b"", b"q 500 0 0 700 50 50 cm /Im1 Do Q")]))

open("scripted.pdf", "wb").write(pdf([
    b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AcroForm << /Fields [7 0 R] >> >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [7 0 R 8 0 R] >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    stream(b"", b"BT /F1 12 Tf 72 720 Td (Annual report) Tj ET"),
    b"<< /S /JavaScript /JS (app.alert\\('hi'\\);) >>",
    b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (remarks) /V (internal note) /Rect [72 600 300 620] /P 3 0 R >>",
    b"<< /Type /Annot /Subtype /Text /Contents (check the figures with Mr. Sato) /Rect [72 500 90 520] /P 3 0 R >>"]))

d = open("clean.pdf", "rb").read()
startxref = int(re.findall(rb"startxref\s+(\d+)", d)[-1])
size = int(re.findall(rb"/Size\s+(\d+)", d)[-1])
root = re.findall(rb"/Root\s+(\d+ \d+ R)", d)[-1]
upd = b"%d 0 obj\n<< /Title (revised) >>\nendobj\n" % size
x = len(d) + len(upd)
upd += b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
    size, len(d), size + 1, root, size, startxref, x)
open("incremental.pdf", "wb").write(d + upd)
