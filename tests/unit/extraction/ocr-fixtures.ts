// Page images made by the tests themselves: a one-page Spanish letter rendered with the shipped
// Liberation Serif, the same page wrapped in a PDF with no text layer (a "scan"), and a phone-like photo
// of it (turned a little, uneven light, sensor noise, JPEG). The known text is the ground truth.
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

const FONT_FAMILY = 'Amparo OCR Fixture Serif';
const FONT_FILE = path.resolve(__dirname, '../../../resources/fonts/LiberationSerif-Regular.ttf');

/** The letter, paragraph by paragraph; blank strings are blank lines. */
export const LETTER_PARAGRAPHS = [
  'Ciudad de México, a 14 de marzo de 2025',
  '',
  'C. Agente del Ministerio Público de la Federación',
  'Fiscalía Especializada en Investigación de Delitos de Desaparición Forzada',
  'Presente',
  '',
  'Asunto: solicitud de información sobre la carpeta de investigación FED/FEIDDF/0417/2024.',
  '',
  'Por medio del presente escrito, la señora Mariana Núñez Íñiguez, madre de Joaquín Peña Ávila, solicita que se le informe el estado actual de la investigación. ¿Cuándo se realizará la búsqueda en el predio de Güémez, Tamaulipas? La familia ha esperado once meses sin respuesta alguna.',
  'Le recordamos que la Ley General en Materia de Desaparición obliga a la autoridad a actuar con diligencia y a informar a las víctimas. ¡Exigimos una respuesta por escrito dentro del plazo legal!',
  'Asimismo, pedimos copia certificada del dictamen pericial en genética y de las actas de la diligencia del pasado mes de enero, así como la lista de los servidores públicos que participaron en ella.',
  '',
  'Atentamente,',
  '',
  'Lic. Sofía Ordóñez Beltrán',
  'Colectivo Jurídico Xóchitl, A.C.',
];

export const LETTER_TEXT = LETTER_PARAGRAPHS.join('\n');

/**
 * Words only a correct reading of the accents finds. Not "Güémez": Tesseract's Spanish model often reads
 * "ü" as "ii" at these sizes (the word accuracy counts that error).
 */
export const DISTINCTIVE_WORDS = ['Íñiguez', 'Núñez', 'Ordóñez', 'búsqueda', 'Xóchitl'];

let fontRegistered = false;
function registerFont(): void {
  if (fontRegistered) return;
  if (!GlobalFonts.registerFromPath(FONT_FILE, FONT_FAMILY)) throw new Error(`cannot load ${FONT_FILE}`);
  fontRegistered = true;
}

function wrap(ctx: SKRSContext2D, paragraph: string, maxWidth: number): string[] {
  if (paragraph === '') return [''];
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}

type LetterPage = { png: Uint8Array; width: number; height: number };
/** Each resolution is drawn once per process (seconds on a loaded machine); callers get their own copy. */
const rendered = new Map<number, LetterPage>();

/** A4 page at `dpi`, 12 pt text, 2.5 cm margins, black on white: PNG bytes and its size. */
export function renderLetterPng(dpi = 200): LetterPage {
  let page = rendered.get(dpi);
  if (!page) rendered.set(dpi, (page = drawLetterPng(dpi)));
  return { ...page, png: page.png.slice() };
}

function drawLetterPng(dpi: number): LetterPage {
  registerFont();
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  const pt = dpi / 72;
  ctx.font = `${12 * pt}px "${FONT_FAMILY}"`;
  ctx.textBaseline = 'alphabetic';
  const margin = (25 / 25.4) * dpi;
  const lineHeight = 12 * pt * 1.45;
  let y = margin + 12 * pt;
  for (const paragraph of LETTER_PARAGRAPHS) {
    for (const line of wrap(ctx, paragraph, width - 2 * margin)) {
      ctx.fillText(line, margin, y);
      y += lineHeight;
    }
    if (paragraph !== '') y += lineHeight * 0.35;
  }
  return { png: new Uint8Array(canvas.toBuffer('image/png')), width, height };
}

/** The page image placed on an A4 page of a new PDF, nothing else: a scan with no text layer. */
export async function letterScanPdf(dpi = 200): Promise<Uint8Array> {
  const { png } = renderLetterPng(dpi);
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return doc.save({ useObjectStreams: false });
}

/** A deterministic pseudo-random source, so the "noise" is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A phone photo of the printed letter: the sheet turned by `degrees` on a darker desk, light falling
 * off from one corner, warm paper tint, per-pixel sensor noise, then JPEG at quality 80.
 */
export async function letterPhotoJpeg(
  options: { dpi?: number; degrees?: number; noise?: number; seed?: number } = {},
): Promise<Uint8Array> {
  const { dpi = 200, degrees = 2.5, noise = 28, seed = 15 } = options;
  const page = await loadImage(Buffer.from(renderLetterPng(dpi).png));
  const width = Math.round(page.width * 1.08);
  const height = Math.round(page.height * 1.06);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#5a5148';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(page, -page.width / 2, -page.height / 2);
  ctx.restore();
  // Paper tint and light falling off towards the lower right.
  ctx.globalCompositeOperation = 'multiply';
  const light = ctx.createRadialGradient(
    width * 0.2,
    height * 0.15,
    0,
    width * 0.2,
    height * 0.15,
    width * 1.3,
  );
  light.addColorStop(0, 'rgb(255, 250, 240)');
  light.addColorStop(1, 'rgb(150, 140, 125)');
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height);
  ctx.globalCompositeOperation = 'source-over';
  const pixels = ctx.getImageData(0, 0, width, height);
  const random = mulberry32(seed);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    const n = (random() + random() + random() - 1.5) * noise;
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + n));
    data[i + 1] = Math.max(0, Math.min(255, (data[i + 1] ?? 0) + n));
    data[i + 2] = Math.max(0, Math.min(255, (data[i + 2] ?? 0) + n));
  }
  ctx.putImageData(pixels, 0, 0);
  return new Uint8Array(await canvas.encode('jpeg', 80));
}

/** Words for comparison: split on white space, punctuation at either end dropped, accents and case kept. */
export function comparableWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** 1 − (substitutions + deletions + insertions) / reference words, by a word-level edit distance. */
export function wordAccuracy(reference: string, recognized: string): number {
  const ref = comparableWords(reference);
  const hyp = comparableWords(recognized);
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const cost = ref[i - 1] === hyp[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return 1 - (previous[hyp.length] ?? 0) / ref.length;
}

/**
 * The letter stored on its side as a phone does it: pixels turned a quarter anticlockwise and a
 * big-endian EXIF Orientation 6 ("turn 90° clockwise to view"), as iPhones write it.
 */
export async function letterSidewaysJpeg(
  dpi = 100,
): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  const letter = renderLetterPng(dpi);
  const page = await loadImage(Buffer.from(letter.png));
  const canvas = createCanvas(letter.height, letter.width);
  const ctx = canvas.getContext('2d');
  ctx.translate(0, letter.width);
  ctx.rotate(-Math.PI / 2);
  ctx.drawImage(page, 0, 0);
  const jpeg = new Uint8Array(await canvas.encode('jpeg', 90));
  // APP1 "Exif": a TIFF header (MM, big-endian) and one IFD entry, Orientation (0x0112) = 6.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return { jpeg: out, width: letter.width, height: letter.height };
}
