import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HighlightLayer, type PageBox, type PageSpace } from './HighlightLayer';
import { fetchBytes, loadPdf, type PdfDocument } from './loadPdf';

/** Boxes to mark on one page; without `space` they are in PDF points of the page as displayed. */
export interface PageHighlights {
  page: number;
  boxes: PageBox[];
  space?: PageSpace;
}

export interface PdfPagesProps {
  /** The bytes in memory, or a media URL to fetch them from (decrypted on the fly, never on disk). */
  source: { data: Uint8Array } | { url: string };
  /** The accessible name of the drawn page. */
  label: string;
  testId: string;
  /** Drawing size relative to the PDF's own (1 = 72 px per inch). */
  scale: number;
  maxHeight: number;
  /** The page to show first, and to jump to whenever it changes (a search hit). */
  page?: number;
  highlights?: PageHighlights[];
  /** The document could not be opened or read. */
  onFailed: (error: unknown) => void;
}

/**
 * A PDF drawn by pdf.js page by page on a canvas, with previous/next buttons, and optional marks over
 * words (search hits). The canvas is drawn at the screen's pixel density so text stays sharp.
 */
export function PdfPages({
  source,
  label,
  testId,
  scale,
  maxHeight,
  page: requestedPage = 1,
  highlights = [],
  onFailed,
}: PdfPagesProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(requestedPage);
  // A new requested page (another hit in the same document) moves there.
  const [requested, setRequested] = useState(requestedPage);
  if (requested !== requestedPage) {
    setRequested(requestedPage);
    setPage(requestedPage);
  }
  // The page drawn last, and its size in PDF points (the default space of highlight boxes).
  const [drawn, setDrawn] = useState<{ page: number; size: PageSpace } | null>(null);
  const url = 'url' in source ? source.url : null;
  const data = 'data' in source ? source.data : null;
  const failed = useEffectEvent((error: unknown) => onFailed(error));

  useEffect(() => {
    let active = true;
    let loaded: PdfDocument | null = null;
    (async () => {
      const bytes = data ?? (await fetchBytes(url!));
      loaded = await loadPdf(bytes);
      if (active) setDoc(loaded);
      else await loaded.destroy();
    })().catch((error: unknown) => active && failed(error));
    return () => {
      active = false;
      void loaded?.destroy();
    };
  }, [url, data]);

  const shown = doc ? Math.min(Math.max(1, page), doc.numPages) : page;

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void doc
      .getPage(shown)
      .then(async (p) => {
        if (cancelled || !canvas.current) return;
        const density = Math.max(1, globalThis.devicePixelRatio || 1);
        const natural = p.getViewport({ scale: 1 });
        const viewport = p.getViewport({ scale: scale * density });
        const target = canvas.current;
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / density)}px`;
        target.style.height = `${Math.floor(viewport.height / density)}px`;
        const context = target.getContext('2d');
        if (!context) return;
        const rendering = p.render({ canvas: target, canvasContext: context, viewport });
        task = rendering;
        await rendering.promise;
        if (cancelled) return;
        target.dataset.rendered = String(shown);
        setDrawn({ page: shown, size: { width: natural.width, height: natural.height } });
      })
      .catch(() => {
        // A cancelled render (page turned again) is expected; a page pdf.js cannot draw stays blank.
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, shown, scale]);

  const marks = drawn?.page === shown ? highlights.filter((h) => h.page === shown) : [];
  const markCount = marks.reduce((sum, h) => sum + h.boxes.length, 0);

  // The first mark scrolled into view once its page is drawn.
  useEffect(() => {
    if (markCount === 0) return;
    frame.current
      ?.querySelector('.amparo-page-highlight')
      ?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [markCount, drawn]);

  if (!doc) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={shown <= 1} onClick={() => setPage(shown - 1)}>
          {t('evidence.preview.previousPage')}
        </Button>
        <Text size="sm">{t('evidence.preview.page', { page: shown, count: doc.numPages })}</Text>
        <Button
          size="xs"
          variant="default"
          disabled={shown >= doc.numPages}
          onClick={() => setPage(shown + 1)}
        >
          {t('evidence.preview.nextPage')}
        </Button>
        {markCount > 0 && (
          <Text size="sm" c="dimmed" role="status" data-testid="page-marks">
            {t('evidenceText.preview.marks', { count: markCount })}
          </Text>
        )}
      </Group>
      <Paper withBorder p={0} style={{ overflow: 'auto', maxHeight }}>
        <div ref={frame} style={{ position: 'relative', display: 'inline-block', lineHeight: 0 }}>
          <canvas ref={canvas} aria-label={label} role="img" data-testid={testId} />
          {drawn &&
            marks.map((h, i) => <HighlightLayer key={i} boxes={h.boxes} space={h.space ?? drawn.size} />)}
        </div>
      </Paper>
    </Stack>
  );
}
