// What a file is and what it says about itself: the media type from its first bytes (not its name), and
// the metadata inside it (EXIF with GPS, IPTC, XMP, PNG text, a PDF's author) with the fields that can
// identify a person, a place or a device marked, so the UI can warn before anything leaves the team.
// Works on the bounded head and tail kept during intake: no second pass over a large file.
import ExifReader from 'exifreader';
import { extname } from 'node:path';
import type {
  EvidenceKind,
  MetadataField,
  MetadataReport,
  MetadataRisk,
} from '../../../shared/schemas/evidence';

const startsWith = (head: Buffer, bytes: number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, at: number, text: string): boolean =>
  head.length >= at + text.length && head.toString('latin1', at, at + text.length) === text;

const BY_EXTENSION: Record<string, string> = {
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.eml': 'message/rfc822',
  '.vcf': 'text/vcard',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
  '.heic': 'image/heic',
};

/** Types whose text the preview shows as plain text (never rendered as HTML). */
const TEXT_TYPES = new Set([
  'text/plain',
  'text/markdown',
  'text/csv',
  'application/json',
  'application/xml',
  'text/html',
  'message/rfc822',
  'text/vcard',
]);

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  const sample = head.subarray(0, Math.min(head.length, 64 * 1024));
  if (sample.includes(0)) return false;
  // Valid UTF-8 apart from a possibly cut last character.
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample.subarray(0, sample.length - 3));
  return !decoded.includes('\ufffd');
}

/** The media type, from the content first; the extension only settles what the bytes cannot. */
export function sniffMediaType(head: Buffer, name: string): string {
  const ext = extname(name).toLowerCase();
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'video/x-msvideo';
  if (ascii(head, 0, 'BM') && ext === '.bmp') return 'image/bmp';
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (ascii(head, 4, 'ftyp')) {
    const brand = head.toString('latin1', 8, 12);
    if (['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'image/heic';
    if (brand === 'avif') return 'image/avif';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand.startsWith('3g')) return 'video/3gpp';
    return ext === '.m4a' ? 'audio/mp4' : 'video/mp4';
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return head.subarray(0, 64).includes(Buffer.from('webm')) ? 'video/webm' : 'video/x-matroska';
  }
  if (ascii(head, 0, 'OggS'))
    return head.subarray(0, 128).includes(Buffer.from('theora')) ? 'video/ogg' : 'audio/ogg';
  if (ascii(head, 0, 'fLaC')) return 'audio/flac';
  if (ascii(head, 0, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ext === '.mp3'))
    return 'audio/mpeg';
  if (ascii(head, 0, '#!AMR')) return 'audio/amr';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return BY_EXTENSION[ext] ?? 'application/zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return BY_EXTENSION[ext] ?? 'application/x-ole-storage';
  if (BY_EXTENSION[ext] && TEXT_TYPES.has(BY_EXTENSION[ext]) && (head.length === 0 || looksLikeText(head)))
    return BY_EXTENSION[ext];
  if (looksLikeText(head)) return 'text/plain';
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** How the preview shows a type: only what Chromium decodes safely inside the app. */
export function kindOf(mediaType: string): EvidenceKind {
  if (['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/avif'].includes(mediaType))
    return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/flac', 'audio/mp4'].includes(mediaType)) return 'audio';
  if (['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime'].includes(mediaType)) return 'video';
  if (TEXT_TYPES.has(mediaType)) return 'text';
  return 'other';
}

const STRIPPABLE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

const MAX_FIELDS = 120;
const MAX_VALUE = 300;

const PERSON =
  /artist|author|creator|by-?line|owner|copyright|credit|contact|writer|captionwriter|usercomment|xpauthor|xpcomment|rights|lastmodifiedby/i;
const PLACE =
  /gps|city|location|sub-?location|province|state|country|address|coordinates|latitude|longitude|altitude/i;
const DEVICE = /serial|make|model|lens|deviceid|imageuniqueid|cameraid|documentid|instanceid|hostcomputer/i;
const TECHNICAL =
  /thumbnail|makernote|pointer|offset|bytecount|stripoffsets|padding|interoperability|printim/i;

// Fields that name a program, not a person: a PDF's Creator and Producer ("Microsoft Word"), XMP's
// CreatorTool, EXIF's Software. XMP's dc:creator (extracted as "creator") is the author and stays a person.
const PROGRAM = /^(creatortool|producer|software|processingsoftware|applicationrecordversion)$/i;

function riskOf(group: string, name: string): MetadataRisk | null {
  if (group === 'gps' || PLACE.test(name)) return 'location';
  if (PROGRAM.test(name) || (group === 'pdf' && /^creator$/i.test(name))) return null;
  if (PERSON.test(name)) return 'person';
  if (DEVICE.test(name) && !/creatortool|producer/i.test(name)) return 'device';
  return null;
}

function clip(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return clean.length > MAX_VALUE ? `${clean.slice(0, MAX_VALUE)}…` : clean;
}

function describe(tag: unknown): string | null {
  const t = tag as { description?: unknown; value?: unknown };
  const d = t?.description;
  if (typeof d === 'string' || typeof d === 'number') return String(d);
  if (typeof t?.value === 'string' || typeof t?.value === 'number') return String(t.value);
  return null;
}

function imageMetadata(head: Buffer): { fields: MetadataField[]; gps: MetadataReport['gps'] } {
  const fields: MetadataField[] = [];
  let gps: MetadataReport['gps'] = null;
  let tags: Record<string, Record<string, unknown>>;
  try {
    tags = ExifReader.load(head, { expanded: true, includeUnknown: false }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
  } catch {
    return { fields, gps };
  }
  const groups: [string, string][] = [
    ['exif', 'exif'],
    ['iptc', 'iptc'],
    ['xmp', 'xmp'],
    ['pngText', 'png'],
    ['riff', 'riff'],
  ];
  for (const [key, group] of groups) {
    for (const [name, tag] of Object.entries(tags[key] ?? {})) {
      if (TECHNICAL.test(name)) continue;
      const value = describe(tag);
      if (value === null || value === '') continue;
      const fieldGroup = /^GPS/.test(name) ? 'gps' : group;
      fields.push({ group: fieldGroup, name, value: clip(value), risk: riskOf(fieldGroup, name) });
    }
  }
  const position = tags.gps as { Latitude?: unknown; Longitude?: unknown } | undefined;
  if (typeof position?.Latitude === 'number' && typeof position?.Longitude === 'number') {
    if (Number.isFinite(position.Latitude) && Number.isFinite(position.Longitude)) {
      gps = { latitude: position.Latitude, longitude: position.Longitude };
    }
  }
  return { fields, gps };
}

/** A PDF string object at `at` (literal `( … )` with escapes and nesting, or hex `< … >`), decoded. */
function pdfString(text: string, at: number): string | null {
  let bytes: number[] = [];
  if (text[at] === '(') {
    let depth = 0;
    for (let i = at; i < text.length && i < at + 4096; i++) {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        if (next in map) {
          bytes.push(map[next]!);
          i += 1;
        } else if (/[0-7]/.test(next)) {
          const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
          bytes.push(parseInt(oct, 8) & 0xff);
          i += oct.length;
        } else if (next === '\r' || next === '\n') {
          i += text[i + 2] === '\n' && next === '\r' ? 2 : 1;
        }
        continue;
      }
      if (c === '(') {
        depth += 1;
        if (depth === 1) continue;
      } else if (c === ')') {
        depth -= 1;
        if (depth === 0) break;
      }
      bytes.push(c.charCodeAt(0) & 0xff);
    }
  } else if (text[at] === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) return null;
    const hex = text.slice(at + 1, end).replace(/\s+/g, '');
    bytes = (hex.length % 2 ? `${hex}0` : hex).match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  } else {
    return null;
  }
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  return buffer.toString('latin1');
}

function pdfMetadata(head: Buffer, tail: Buffer): MetadataField[] {
  const fields: MetadataField[] = [];
  const seen = new Set<string>();
  const add = (group: string, name: string, value: string | null) => {
    if (!value) return;
    const key = `${group}/${name}/${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    fields.push({ group, name, value: clip(value), risk: riskOf(group, name) });
  };
  for (const part of [head, tail]) {
    const text = part.toString('latin1');
    const info = /\/(Author|Creator|Producer|Title|Subject|Keywords|CreationDate|ModDate)\s*(?=[(<])/g;
    for (const match of text.matchAll(info)) {
      if (text[match.index + match[0].length + 1] === '<' && text[match.index + match[0].length] === '<')
        continue;
      add('pdf', match[1]!, pdfString(text, match.index + match[0].length));
    }
    const xmp = part.toString('utf8');
    for (const m of xmp.matchAll(/<dc:creator>[\s\S]{0,2000}?<\/dc:creator>/g)) {
      for (const li of m[0].matchAll(/<rdf:li[^>]*>([^<]{1,300})<\/rdf:li>/g)) add('xmp', 'creator', li[1]!);
    }
    for (const m of xmp.matchAll(
      /<(pdf:Author|pdf:Producer|xmp:CreatorTool|photoshop:AuthorsPosition)>([^<]{1,300})</g,
    )) {
      add('xmp', m[1]!.split(':')[1]!, m[2]!);
    }
  }
  return fields.slice(0, MAX_FIELDS);
}

/** Metadata found in the head and tail of a file of type `mediaType`. */
export function extractMetadata(head: Buffer, tail: Buffer, mediaType: string): MetadataReport {
  let fields: MetadataField[] = [];
  let gps: MetadataReport['gps'] = null;
  if (mediaType.startsWith('image/')) ({ fields, gps } = imageMetadata(head));
  else if (mediaType === 'application/pdf') fields = pdfMetadata(head, tail);
  fields = fields.slice(0, MAX_FIELDS);
  const risks = [...new Set(fields.map((f) => f.risk).filter((r): r is MetadataRisk => r !== null))];
  if (gps && !risks.includes('location')) risks.push('location');
  return { fields, gps, risks, strippable: STRIPPABLE_TYPES.has(mediaType) };
}

export const EMPTY_METADATA: MetadataReport = { fields: [], gps: null, risks: [], strippable: false };
