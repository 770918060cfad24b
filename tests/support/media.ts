// Small real media files for evidence tests, made here rather than downloaded: a JPEG with EXIF (camera,
// owner, GPS) spliced into a plain JPEG, and a one-page PDF with an author.

/** A 16×16 grey baseline JPEG (no metadata), as Chromium's canvas encodes it. */
const PLAIN_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigD//2Q==',
  'base64',
);

interface ExifOptions {
  make?: string;
  model?: string;
  artist?: string;
  /** Decimal degrees; south and west negative. */
  gps?: { latitude: number; longitude: number };
  /** EXIF orientation, 1–8 (6 = the camera was turned a quarter clockwise). */
  orientation?: number;
}

/** A TIFF/EXIF block (little-endian) with IFD0 text tags and, optionally, a GPS IFD. */
function exifBlock(options: ExifOptions): Buffer {
  type Entry = { tag: number; type: number; count: number; data: Buffer };
  const ascii = (tag: number, text: string): Entry => {
    const data = Buffer.from(`${text}\0`, 'latin1');
    return { tag, type: 2, count: data.length, data };
  };
  const rationals = (values: [number, number][]): Buffer => {
    const b = Buffer.alloc(values.length * 8);
    values.forEach(([n, d], i) => {
      b.writeUInt32LE(n, i * 8);
      b.writeUInt32LE(d, i * 8 + 4);
    });
    return b;
  };
  const dms = (deg: number): [number, number][] => {
    const a = Math.abs(deg);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    const s = Math.round(((a - d) * 60 - m) * 60 * 100);
    return [
      [d, 1],
      [m, 1],
      [s, 100],
    ];
  };
  const ifd0: Entry[] = [];
  if (options.make) ifd0.push(ascii(0x010f, options.make));
  if (options.model) ifd0.push(ascii(0x0110, options.model));
  if (options.artist) ifd0.push(ascii(0x013b, options.artist));
  if (options.orientation) {
    const value = Buffer.alloc(4);
    value.writeUInt16LE(options.orientation, 0);
    ifd0.push({ tag: 0x0112, type: 3, count: 1, data: value });
  }
  const gps: Entry[] = [];
  if (options.gps) {
    const { latitude, longitude } = options.gps;
    gps.push(ascii(1, latitude < 0 ? 'S' : 'N'));
    gps.push({ tag: 2, type: 5, count: 3, data: rationals(dms(latitude)) });
    gps.push(ascii(3, longitude < 0 ? 'W' : 'E'));
    gps.push({ tag: 4, type: 5, count: 3, data: rationals(dms(longitude)) });
    ifd0.push({ tag: 0x8825, type: 4, count: 1, data: Buffer.alloc(4) });
  }
  ifd0.sort((a, b) => a.tag - b.tag);

  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const extraSize = (entries: Entry[]) =>
    entries.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);
  const ifd0Offset = 8;
  const gpsOffset = ifd0Offset + ifdSize(ifd0) + extraSize(ifd0);
  const total = gpsOffset + (gps.length ? ifdSize(gps) + extraSize(gps) : 0);
  const out = Buffer.alloc(total);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifd0Offset, 4);
  const writeIfd = (entries: Entry[], offset: number) => {
    out.writeUInt16LE(entries.length, offset);
    let extra = offset + ifdSize(entries);
    entries.forEach((e, i) => {
      const at = offset + 2 + i * 12;
      out.writeUInt16LE(e.tag, at);
      out.writeUInt16LE(e.type, at + 2);
      out.writeUInt32LE(e.count, at + 4);
      if (e.tag === 0x8825) out.writeUInt32LE(gpsOffset, at + 8);
      else if (e.data.length <= 4) e.data.copy(out, at + 8);
      else {
        out.writeUInt32LE(extra, at + 8);
        e.data.copy(out, extra);
        extra += e.data.length + (e.data.length % 2);
      }
    });
    out.writeUInt32LE(0, offset + 2 + entries.length * 12);
  };
  writeIfd(ifd0, ifd0Offset);
  if (gps.length) writeIfd(gps, gpsOffset);
  return out;
}

/** `jpeg` with an EXIF APP1 segment inserted right after SOI (and a comment segment, which also leaks). */
export function jpegWithExif(options: ExifOptions, jpeg: Buffer = PLAIN_JPEG): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock(options)]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  const comment = Buffer.from(`Taken by ${options.artist ?? 'someone'}`, 'latin1');
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, com, comment, jpeg.subarray(2)]);
}

/** A one-page PDF with a line of text and an Info dictionary (author, creator). */
export function pdf(text: string, info: { author?: string; creator?: string; title?: string } = {}): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 50 740 Td (${escape(text)}) Tj ET`;
  const infoEntries = [
    info.title ? `/Title (${escape(info.title)})` : '',
    info.author ? `/Author (${escape(info.author)})` : '',
    info.creator ? `/Creator (${escape(info.creator)})` : '',
    '/Producer (Amparo test fixture)',
  ].join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< ${infoEntries} >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
