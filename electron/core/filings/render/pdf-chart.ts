// The incidents-per-month chart drawn as vectors: bars and axes on a pdfmake canvas, the value and month
// labels as text placed over it, all kept on one page.
import type { RenderBlock } from '../../../../shared/schemas/filing-render';
import { chartScale, labelEvery } from './chart-scale';

type Chart = Extract<RenderBlock, { type: 'chart' }>;
type PdfNode = Record<string, unknown>;

const AXIS_GUTTER = 30;
const PLOT_TOP = 6;
const PLOT_HEIGHT = 150;
const LABEL_ROW = 16;
const BAR_COLOR = '#3b5b7a';

function label(text: string, x: number, y: number, width: number, alignment: string): PdfNode {
  return {
    relativePosition: { x, y },
    columns: [{ width, text, alignment, fontSize: 7.5, color: '#333333' }],
  };
}

export function chartContent(block: Chart, width: number): PdfNode {
  const plotWidth = width - AXIS_GUTTER - 4;
  const n = block.series.length;
  const { max, ticks } = chartScale(block.series.map((s) => s.value));
  const yOf = (v: number) => PLOT_TOP + PLOT_HEIGHT - (v / max) * PLOT_HEIGHT;
  const slot = n > 0 ? plotWidth / n : plotWidth;
  const canvas: PdfNode[] = [];
  const labels: PdfNode[] = [];

  for (const tick of ticks) {
    const y = yOf(tick);
    canvas.push({
      type: 'line',
      x1: AXIS_GUTTER,
      y1: y,
      x2: AXIS_GUTTER + plotWidth,
      y2: y,
      lineWidth: 0.4,
      lineColor: tick === 0 ? '#000000' : '#cccccc',
    });
    labels.push(label(String(tick), 0, y - 4, AXIS_GUTTER - 4, 'right'));
  }
  canvas.push({
    type: 'line',
    x1: AXIS_GUTTER,
    y1: PLOT_TOP,
    x2: AXIS_GUTTER,
    y2: PLOT_TOP + PLOT_HEIGHT,
    lineWidth: 0.6,
  });
  const every = labelEvery(n, plotWidth, 34);
  block.series.forEach((point, i) => {
    const x = AXIS_GUTTER + i * slot;
    const h = (point.value / max) * PLOT_HEIGHT;
    if (h > 0) {
      canvas.push({
        type: 'rect',
        x: x + slot * 0.15,
        y: yOf(point.value),
        w: slot * 0.7,
        h,
        color: BAR_COLOR,
      });
    }
    if (i % every === 0) {
      const w = slot * every;
      labels.push(label(point.label, x + slot / 2 - w / 2, PLOT_TOP + PLOT_HEIGHT + 3, w, 'center'));
    }
    if (slot >= 14 && point.value > 0)
      labels.push(label(String(point.value), x, yOf(point.value) - 10, slot, 'center'));
  });

  return {
    unbreakable: true,
    margin: [0, 6, 0, 14],
    stack: [
      { text: block.title, bold: true, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 6] },
      { stack: [...labels, { canvas }] },
      { text: '', margin: [0, LABEL_ROW, 0, 0] },
    ],
  };
}
