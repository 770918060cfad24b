// pdfmake justifies a line by spreading the free space over every boundary between its inlines, and a
// change of style inside a word ("familiar" + a superscript "1" + ".") is such a boundary: the word
// came apart on the page. This writer's justification spreads the space only over real word gaps (an
// inline that follows one ending in white space). Installed once on pdfmake's ElementWriter.
import { createRequire } from 'node:module';

interface Inline {
  text: string;
  x: number;
  justifyShift?: number;
  alignment?: string;
}
interface Line {
  inlines: Inline[];
  x?: number;
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  getWidth(): number;
}
interface ElementWriterPrototype {
  alignLine(this: { context(): { availableWidth: number } }, line: Line): void;
  amparoJustify?: true;
}

const requireHere = createRequire(__filename);

export function installWordGapJustification(): void {
  const { default: ElementWriter } = requireHere('pdfmake/js/ElementWriter') as {
    default: { prototype: ElementWriterPrototype };
  };
  const proto = ElementWriter.prototype;
  if (proto.amparoJustify) return;
  const original = proto.alignLine;
  proto.alignLine = function alignLine(line) {
    const inlines = line.inlines ?? [];
    const justify =
      inlines[0]?.alignment === 'justify' &&
      !line.newLineForced &&
      !line.lastLineInParagraph &&
      inlines.length > 1;
    if (!justify) return original.call(this, line);
    const gaps = inlines.map(
      (inline, i) => i > 0 && /\s$/.test(inlines[i - 1]?.text ?? '') && inline !== undefined,
    );
    const count = gaps.filter(Boolean).length;
    if (count === 0) return;
    const spacing = (this.context().availableWidth - line.getWidth()) / count;
    let offset = 0;
    inlines.forEach((inline, i) => {
      if (gaps[i]) {
        offset += spacing;
        inline.justifyShift = spacing;
      }
      inline.x += offset;
    });
  };
  proto.amparoJustify = true;
}
