#!/bin/sh
# Makes the three scanned-page fixtures of tests/e2e/scanned-pdf.spec.ts, one per image encoding that
# pdf.js decodes only with its shipped decoders (pdfjs-dist/wasm): CCITT Group 4 fax, JBIG2 and
# JPEG 2000. The PDFs are committed; the test never runs this script.
#
# Debian 12 tools:  apt-get install imagemagick img2pdf libopenjp2-tools jbig2dec python3
# (Debian has no JBIG2 encoder, so the JBIG2 page is written here: a JBIG2 generic region may be coded
# with MMR, the same T.6 code as a Group 4 fax, so ImageMagick's Group 4 output becomes the region's
# data and python3 wraps it in JBIG2 segments and a one-page PDF; jbig2dec checks the stream.)
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A "scanned page": black bars and a frame on white, about a fifth of it black; the colour version has
# a red and a blue block (for JPEG 2000, which scanners use for colour and greyscale pages).
W=320
H=240
convert -size ${W}x${H} xc:white -fill black \
  -draw 'rectangle 20,20 300,44' -draw 'rectangle 20,70 220,84' -draw 'rectangle 20,100 260,114' \
  -draw 'rectangle 20,130 180,144' -fill none -stroke black -strokewidth 6 -draw 'rectangle 8,8 312,232' \
  "$work/page.png"
convert "$work/page.png" -fill '#c01010' -stroke none -draw 'rectangle 200,150 300,220' \
  -fill '#1030c0' -draw 'rectangle 40,170 140,220' "$work/colour.ppm"

# CCITT Group 4: img2pdf embeds a Group 4 TIFF as a /CCITTFaxDecode image without re-encoding it.
convert "$work/page.png" -monochrome -compress Group4 "$work/page.tif"
img2pdf "$work/page.tif" -o scan-ccitt.pdf

# JPEG 2000: img2pdf embeds a .jp2 file as a /JPXDecode image.
opj_compress -i "$work/colour.ppm" -o "$work/colour.jp2" -r 40 >/dev/null
img2pdf "$work/colour.jp2" -o scan-jpx.pdf

# JBIG2: raw Group 4 (T.6) data of the same page, wrapped as an MMR-coded generic region.
convert "$work/page.png" -monochrome "group4:$work/page.g4"
python3 - "$work/page.g4" $W $H scan-jbig2.pdf "$work/check.jb2" <<'PY'
import struct, sys
mmr_path, width, height, out_pdf, check_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
mmr = open(mmr_path, 'rb').read()

def segment(number, kind, data):
    # Segment header: number, flags (type; 1-byte page association), no referred-to segments, page 1.
    return struct.pack('>IBBBI', number, kind, 0, 1, len(data)) + data

page_info = struct.pack('>IIIIBH', width, height, 0, 0, 0, 0)
region_info = struct.pack('>IIIIB', width, height, 0, 0, 0)
generic_region = region_info + bytes([0x01]) + mmr  # flags: MMR = 1 (no AT pixels with MMR)
# A PDF's embedded JBIG2 stream has no file header and no end-of-page segment (PDF 1.7, 7.4.7).
stream = segment(0, 48, page_info) + segment(1, 39, generic_region)

# A standalone JBIG2 file of the same segments, for jbig2dec to check (sequential, one page).
jb2_header = b'\x97JB2\r\n\x1a\n' + bytes([0x01]) + struct.pack('>I', 1)
open(check_path, 'wb').write(jb2_header + stream + segment(2, 49, b''))

objects = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>'
    % (width, height),
    b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode /Length %d >>\nstream\n'
    % (width, height, len(stream)) + stream + b'\nendstream',
]
content = b'q %d 0 0 %d 0 0 cm /Im0 Do Q' % (width, height)
objects.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
pdf = b'%PDF-1.5\n%\xe2\xe3\xcf\xd3\n'
offsets = []
for i, body in enumerate(objects, start=1):
    offsets.append(len(pdf))
    pdf += b'%d 0 obj\n' % i + body + b'\nendobj\n'
xref = len(pdf)
pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
pdf += b''.join(b'%010d 00000 n \n' % o for o in offsets)
pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
open(out_pdf, 'wb').write(pdf)
PY
jbig2dec -q -t pbm -o "$work/check.pbm" "$work/check.jb2"
convert "$work/page.png" -monochrome "$work/expected.pbm"
cmp "$work/check.pbm" "$work/expected.pbm" # the JBIG2 stream decodes to exactly the source page
ls -l scan-ccitt.pdf scan-jbig2.pdf scan-jpx.pdf
