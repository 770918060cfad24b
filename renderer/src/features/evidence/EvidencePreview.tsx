import { Alert, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HighlightLayer } from '../../components/pdf/HighlightLayer';
import { PdfPages, type PageHighlights } from '../../components/pdf/PdfPages';
import { MarkedText } from './text/MarkedText';
import type { EvidenceItem, Preview } from '../../../../shared/schemas/evidence';

/** Text previews show at most this much (the whole file stays available through export). */
const TEXT_PREVIEW_BYTES = 1024 * 1024;

type Failure = { kind: 'damaged' } | { kind: 'unplayable' } | { kind: 'error'; error: unknown };

/**
 * The item shown inside the app, decrypted on the fly by the main process (amparo-media:// in Electron):
 * nothing is written to disk. Images, PDF (pdf.js), audio, video and text; other types show metadata only.
 * A load that fails is checked at once: a blob altered on disk is reported as such, never shown.
 */
export function EvidencePreview({
  item,
  onChecked,
  focus,
  terms,
}: {
  item: EvidenceItem;
  onChecked: () => void;
  /** A search hit: the page to open at and the words to mark (for an image, page 1). */
  focus?: PageHighlights;
  /** A search hit in a text file: the searched words (folded) to mark in it. */
  terms?: string[];
}) {
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
      return <ImagePreview url={preview.url} label={label} onFailed={failed} focus={focus} />;
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
      return (
        <TextPreview url={preview.url} size={preview.size} label={label} onFailed={failed} terms={terms} />
      );
    case 'pdf':
      return <PdfPreview url={preview.url} label={label} onFailed={failed} focus={focus} />;
    default:
      return null;
  }
}

/** An image, with OCR word boxes marked over it when opened from a search hit. */
function ImagePreview({
  url,
  label,
  onFailed,
  focus,
}: {
  url: string;
  label: string;
  onFailed: () => Promise<void>;
  focus?: PageHighlights;
}) {
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const space = focus?.space ?? natural;
  const marks = focus && natural && space ? focus.boxes.length : 0;
  // Opened from a hit: the photo at the width of the pane, so its words can be read, scrolled to the mark.
  useEffect(() => {
    if (marks > 0)
      frame.current?.querySelector('.amparo-page-highlight')?.scrollIntoView({ block: 'center' });
  }, [marks]);
  const image = (
    <div
      ref={frame}
      style={{
        position: 'relative',
        display: focus ? 'block' : 'inline-block',
        lineHeight: 0,
        maxWidth: focus && natural ? natural.width : '100%',
      }}
    >
      <img
        src={url}
        crossOrigin="anonymous"
        alt={label}
        style={
          focus ? { width: '100%', display: 'block' } : { maxWidth: '100%', maxHeight: 520, display: 'block' }
        }
        onLoad={(event) =>
          setNatural({
            width: event.currentTarget.naturalWidth,
            height: event.currentTarget.naturalHeight,
          })
        }
        onError={() => void onFailed()}
        data-testid="evidence-preview-image"
      />
      {focus && natural && space && <HighlightLayer boxes={focus.boxes} space={space} />}
    </div>
  );
  if (!focus) return image;
  return (
    <Paper withBorder p={0} style={{ overflow: 'auto', maxHeight: 640 }}>
      {image}
    </Paper>
  );
}

function TextPreview({
  url,
  size,
  label,
  onFailed,
  terms,
}: {
  url: string;
  size: number;
  label: string;
  onFailed: () => Promise<void>;
  terms?: string[];
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
            {terms ? <MarkedText text={text} terms={terms} /> : text}
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

/** pdf.js (loaded only when a PDF is opened), fed the decrypted bytes; no eval, no wasm, no network. */
function PdfPreview({
  url,
  label,
  onFailed,
  focus,
}: {
  url: string;
  label: string;
  onFailed: () => Promise<void>;
  focus?: PageHighlights;
}) {
  return (
    <PdfPages
      source={{ url }}
      label={label}
      testId="evidence-preview-pdf"
      scale={1.25}
      maxHeight={640}
      page={focus?.page}
      highlights={focus ? [focus] : undefined}
      onFailed={() => void onFailed()}
    />
  );
}
