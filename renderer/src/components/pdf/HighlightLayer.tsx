import type { CSSProperties } from 'react';

/** A rectangle on a page, top-left origin, in the units of `PageSpace` (PDF points, or image pixels). */
export interface PageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The size of the page in the boxes' own units, so they scale to whatever size the page is drawn at. */
export interface PageSpace {
  width: number;
  height: number;
}

/**
 * Marks over a drawn page (a canvas or an image), placed in percentages of the page so they follow any
 * zoom or layout width. The parent must be `position: relative` and exactly the size of the drawing.
 */
export function HighlightLayer({ boxes, space }: { boxes: PageBox[]; space: PageSpace }) {
  if (boxes.length === 0 || space.width <= 0 || space.height <= 0) return null;
  return (
    <div aria-hidden style={LAYER} data-testid="page-highlights">
      {boxes.map((box, i) => (
        <div
          key={i}
          className="amparo-page-highlight"
          data-testid="page-highlight"
          style={{
            position: 'absolute',
            left: `${(Math.min(box.x0, box.x1) / space.width) * 100}%`,
            top: `${(Math.min(box.y0, box.y1) / space.height) * 100}%`,
            width: `${(Math.abs(box.x1 - box.x0) / space.width) * 100}%`,
            height: `${(Math.abs(box.y1 - box.y0) / space.height) * 100}%`,
          }}
        />
      ))}
    </div>
  );
}

const LAYER: CSSProperties = { position: 'absolute', inset: 0, pointerEvents: 'none' };
