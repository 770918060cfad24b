import { Alert, Button, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EvidenceItem, Preview } from '../../../../shared/schemas/evidence';

/** Text previews show at most this much (the whole file stays available through export). */
const TEXT_PREVIEW_BYTES = 1024 * 1024;

type Failure = { kind: 'damaged' } | { kind: 'unplayable' } | { kind: 'error'; error: unknown };

/**
 * The item shown inside the app, decrypted on the fly by the main process (amparo-media:// in Electron):
 * nothing is written to disk. Images, PDF (pdf.js), audio, video and text; other types show metadata only.
 * A load that fails is checked at once: a blob altered on disk is reported as such, never shown.
 */
export function EvidencePreview({ item, onChecked }: { item: EvidenceItem; onChecked: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    // Keyed by item id in the parent: a new item mounts a fresh preview.
    let active = true;
    if (item.kind === 'other') return;
    client.evidence.preview({ id: item.id }).then(
      (p) => active && setPreview(p),
      (error: unknown) => active && setFailure({ kind: 'error', error }),
    );
    return () => {
      active = false;
    };
  }, [item.id, item.kind]);

  const failed = useCallback(async () => {
    // Did the file fail authentication, or can this viewer just not show it? Ask the core to check.
    try {
      const check = await client.evidence.verify({ id: item.id });
      setFailure(check.status === 'ok' ? { kind: 'unplayable' } : { kind: 'damaged' });
    } catch (error) {
      setFailure({ kind: 'error', error });
    }
    onChecked();
  }, [item.id, onChecked]);

  if (item.kind === 'other') {
    return (
      <Alert color="gray" variant="light">
        {t('evidence.preview.none')}
      </Alert>
    );
  }
  if (failure?.kind === 'damaged') {
    return (
      <Alert color="red" variant="filled" role="alert" title={t('evidence.preview.damagedTitle')}>
        {t('errors.EVIDENCE_DAMAGED')}
      </Alert>
    );
  }
  if (failure?.kind === 'unplayable') {
    return (
      <Alert color="gray" variant="light">
        {t('evidence.preview.unplayable')}
      </Alert>
    );
  }
  if (failure?.kind === 'error') return <ErrorAlert error={failure.error} />;
  if (!preview) return <Loader aria-label={t('common.loading')} />;

  const label = t('evidence.preview.label', { title: item.title });
  switch (preview.kind) {
    case 'image':
      return (
        <img
          src={preview.url}
          crossOrigin="anonymous"
          alt={label}
          style={{ maxWidth: '100%', maxHeight: 520, objectFit: 'contain', display: 'block' }}
          onError={() => void failed()}
          data-testid="evidence-preview-image"
        />
      );
    case 'audio':
      return (
        <audio
          src={preview.url}
          crossOrigin="anonymous"
          controls
          preload="metadata"
          aria-label={label}
          onError={() => void failed()}
          style={{ width: '100%' }}
        />
      );
    case 'video':
      return (
        <video
          src={preview.url}
          crossOrigin="anonymous"
          controls
          preload="metadata"
          aria-label={label}
          onError={() => void failed()}
          style={{ maxWidth: '100%', maxHeight: 520 }}
        />
      );
    case 'text':
      return <TextPreview url={preview.url} size={preview.size} label={label} onFailed={failed} />;
    case 'pdf':
      return <PdfPreview url={preview.url} label={label} onFailed={failed} />;
    default:
      return null;
  }
}

function TextPreview({
  url,
  size,
  label,
  onFailed,
}: {
  url: string;
  size: number;
  label: string;
  onFailed: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    const headers = size > TEXT_PREVIEW_BYTES ? { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` } : undefined;
    fetch(url, { headers, cache: 'no-store' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = await response.arrayBuffer();
        if (active) setText(new TextDecoder('utf-8').decode(body));
      })
      .catch(() => active && void onFailed());
    return () => {
      active = false;
    };
  }, [url, size, onFailed]);
  if (text === null) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap={4}>
      <Paper withBorder p="sm">
        <ScrollArea h={420} type="auto">
          <pre aria-label={label} style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {text}
          </pre>
        </ScrollArea>
      </Paper>
      {size > TEXT_PREVIEW_BYTES && (
        <Text size="xs" c="dimmed">
          {t('evidence.preview.textTruncated')}
        </Text>
      )}
    </Stack>
  );
}

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

/**
 * Where pdf.js imports its JBIG2 / CCITT fax and JPEG 2000 decoders from: the plain-JavaScript builds
 * that electron.vite.config.ts copies next to the bundle (same origin, so the CSP's script-src 'self'
 * covers them). Without them the images of most scanned documents stay blank.
 */
const PDFJS_DECODERS_URL = new URL('pdfjs/', document.baseURI).href;

/** pdf.js (loaded only when a PDF is opened), fed the decrypted bytes; no eval, no wasm, no network. */
function PdfPreview({ url, label, onFailed }: { url: string; label: string; onFailed: () => Promise<void> }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);

  useEffect(() => {
    let active = true;
    let loaded: PdfDocument | null = null;
    (async () => {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const data = new Uint8Array(await response.arrayBuffer());
      const pdfjs = await import('pdfjs-dist');
      const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      loaded = (await pdfjs.getDocument({
        data,
        // pdf.js 5 has no eval path. WebAssembly stays off (the CSP allows no wasm compilation): the image
        // decoders are their JavaScript builds, and ICC colour profiles fall back to the device colours.
        useWasm: false,
        wasmUrl: PDFJS_DECODERS_URL,
        enableXfa: false,
        verbosity: 0,
        stopAtErrors: false,
      }).promise) as unknown as PdfDocument;
      if (active) setDoc(loaded);
      else await loaded.destroy();
    })().catch(() => active && void onFailed());
    return () => {
      active = false;
      void loaded?.destroy();
    };
  }, [url, onFailed]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    void doc.getPage(page).then(async (p) => {
      if (cancelled || !canvas.current) return;
      const viewport = p.getViewport({ scale: 1.25 });
      const target = canvas.current;
      target.width = viewport.width;
      target.height = viewport.height;
      const context = target.getContext('2d');
      if (context) await p.render({ canvas: target, canvasContext: context, viewport }).promise;
    });
    return () => {
      cancelled = true;
    };
  }, [doc, page]);

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
      <Paper withBorder p={0} style={{ overflow: 'auto', maxHeight: 640 }}>
        <canvas ref={canvas} aria-label={label} role="img" data-testid="evidence-preview-pdf" />
      </Paper>
    </Stack>
  );
}
