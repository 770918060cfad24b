import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';

type PdfDocument = {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(options: { scale: number }): { width: number; height: number };
    render(options: {
      canvas: HTMLCanvasElement;
      canvasContext: CanvasRenderingContext2D;
      viewport: unknown;
    }): { promise: Promise<void> };
  }>;
  destroy(): Promise<void>;
};

/** The decoders pdf.js may need, copied next to the bundle (as for evidence previews): same origin, no network. */
const PDFJS_DECODERS_URL = new URL('pdfjs/', document.baseURI).href;

/** The generated PDF drawn with pdf.js from its bytes in memory, page by page. */
export function FilingPdfPreview({ data, label }: { data: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let active = true;
    let loaded: PdfDocument | null = null;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      // pdf.js takes ownership of the buffer it is given: hand it a copy.
      loaded = (await pdfjs.getDocument({
        data: data.slice(),
        useWasm: false,
        wasmUrl: PDFJS_DECODERS_URL,
        enableXfa: false,
        verbosity: 0,
        stopAtErrors: false,
      }).promise) as unknown as PdfDocument;
      if (active) setDoc(loaded);
      else await loaded.destroy();
    })().catch((err: unknown) => active && setError(err));
    return () => {
      active = false;
      void loaded?.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    void doc.getPage(page).then(async (p) => {
      if (cancelled || !canvas.current) return;
      const viewport = p.getViewport({ scale: 1.2 });
      const target = canvas.current;
      target.width = viewport.width;
      target.height = viewport.height;
      const context = target.getContext('2d');
      if (context) await p.render({ canvas: target, canvasContext: context, viewport }).promise;
      if (!cancelled) target.dataset.rendered = String(page);
    });
    return () => {
      cancelled = true;
    };
  }, [doc, page]);

  if (error) return <ErrorAlert error={error} title={t('filings.generate.previewFailed')} />;
  if (!doc) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('evidence.preview.previousPage')}
        </Button>
        <Text size="sm">{t('evidence.preview.page', { page, count: doc.numPages })}</Text>
        <Button size="xs" variant="default" disabled={page >= doc.numPages} onClick={() => setPage(page + 1)}>
          {t('evidence.preview.nextPage')}
        </Button>
      </Group>
      <Paper withBorder p={0} style={{ overflow: 'auto', maxHeight: 720 }}>
        <canvas ref={canvas} aria-label={label} role="img" data-testid="filing-preview-pdf" />
      </Paper>
    </Stack>
  );
}
