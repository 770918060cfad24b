// The incidents-per-month chart as a PNG for the DOCX (Word has no use for PDF vectors): bars, axes and
// labels drawn in plain JavaScript with pureimage (no native canvas), in the shipped serif.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as PImage from 'pureimage';
import type { RenderBlock } from '../../../../shared/schemas/filing-render';
import { chartScale, labelEvery } from './chart-scale';
import { FONT_FILES, fontsDirectory } from './fonts';

type Chart = Extract<RenderBlock, { type: 'chart' }>;

/** Pixels; the DOCX shows the image at CHART_SIZE.points, so text stays sharp when printed. */
export const CHART_SIZE = { width: 1300, height: 560, points: { width: 468, height: 202 } } as const;
const FAMILY = 'AmparoChartSerif';
const SCALE = CHART_SIZE.width / CHART_SIZE.points.width;

let fontReady = false;
function ensureFont(): void {
  if (fontReady) return;
  PImage.registerFont(path.join(fontsDirectory(), FONT_FILES.serif), FAMILY).loadSync();
  fontReady = true;
}

export async function chartPng(block: Chart): Promise<Buffer> {
  ensureFont();
  const { width, height } = CHART_SIZE;
  const image = PImage.make(width, height);
  const ctx = image.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  const s = (pt: number) => Math.round(pt * SCALE);
  const gutter = s(30);
  const top = s(22);
  const plotHeight = s(150);
  const plotWidth = width - gutter - s(6);
  const bottom = top + plotHeight;
  const n = block.series.length;
  const { max, ticks } = chartScale(block.series.map((p) => p.value));
  const yOf = (v: number) => bottom - (v / max) * plotHeight;
  const slot = n > 0 ? plotWidth / n : plotWidth;

  ctx.font = `${s(11)}pt ${FAMILY}`;
  ctx.fillStyle = '#000000';
  ctx.textAlign = 'center';
  ctx.fillText(block.title, width / 2, s(13));

  ctx.font = `${s(7.5)}pt ${FAMILY}`;
  for (const tick of ticks) {
    const y = Math.round(yOf(tick));
    ctx.fillStyle = tick === 0 ? '#000000' : '#cccccc';
    ctx.fillRect(gutter, y, plotWidth, tick === 0 ? 2 : 1);
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'right';
    ctx.fillText(String(tick), gutter - s(4), y + s(3));
  }
  ctx.fillStyle = '#000000';
  ctx.fillRect(gutter, top, 2, plotHeight);

  const every = labelEvery(n, plotWidth, s(34));
  block.series.forEach((point, i) => {
    const x = gutter + i * slot;
    const barTop = Math.round(yOf(point.value));
    if (point.value > 0) {
      ctx.fillStyle = '#3b5b7a';
      ctx.fillRect(Math.round(x + slot * 0.15), barTop, Math.max(1, Math.round(slot * 0.7)), bottom - barTop);
    }
    ctx.fillStyle = '#333333';
    ctx.textAlign = 'center';
    if (i % every === 0) ctx.fillText(point.label, x + slot / 2, bottom + s(11));
    if (slot >= s(14) && point.value > 0) ctx.fillText(String(point.value), x + slot / 2, barTop - s(3));
  });

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(image, out);
  return Buffer.concat(chunks);
}
