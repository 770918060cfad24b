import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { decodeBase64, documentFileName, joinPath } from '../../components/generatedFile';
import type { GenerateBinderResult } from '../../../../shared/schemas/hearings';
import { FilingPdfPreview } from '../filings/FilingPdfPreview';
import { useProfileOptions } from '../filings/profiles/useProfileOptions';

type Format = 'pdf' | 'docx';

/** The hearing binder through a redaction profile: preview it, or save it to a file; what was recorded. */
export function BinderPanel({
  hearingId,
  title,
  beforeGenerate,
}: {
  hearingId: string;
  title: string;
  /** Writes what is still being typed, so the binder is made from what is on screen. */
  beforeGenerate: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const profiles = useProfileOptions();
  const [profile, setProfile] = useState<string | null>(null);
  const chosen = profile ?? profiles.options[0]?.value ?? null;
  const [format, setFormat] = useState<Format>('pdf');
  const [busy, setBusy] = useState<null | 'preview' | 'save'>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ data: Uint8Array; n: number } | null>(null);
  const [result, setResult] = useState<GenerateBinderResult | null>(null);

  const generate = async (kind: 'preview' | 'save') => {
    if (!chosen) return;
    setError(null);
    setBusy(kind);
    try {
      let outPath: string | null = null;
      if (kind === 'save') {
        const folder = await client.dialog.chooseFolder({ purpose: 'export' });
        if (!folder.path) return;
        outPath = joinPath(folder.path, documentFileName(title, format, 'audiencia'));
      }
      await beforeGenerate();
      const answer = await client.hearings.binder({
        hearingId,
        profile: chosen,
        format: kind === 'preview' ? 'pdf' : format,
        outPath,
        overwrite: false,
      });
      if (answer.dataBase64) setPreview({ data: decodeBase64(answer.dataBase64), n: (preview?.n ?? 0) + 1 });
      setResult(answer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const disabled = !chosen || busy !== null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="hearing-binder-title">
      <Stack gap="sm">
        <Title order={4} id="hearing-binder-title">
          {t('hearingsUi.binder.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('hearingsUi.binder.hint')}
        </Text>
        <ErrorAlert error={profiles.error} />
        <Group align="flex-end">
          <Select
            label={t('filings.generate.profile')}
            description={t('hearingsUi.binder.profileHint')}
            data={profiles.options}
            value={chosen}
            onChange={setProfile}
            allowDeselect={false}
            w={280}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="binder-format-label">
              {t('hearingsUi.binder.formatForSave')}
            </Text>
            <SegmentedControl
              aria-labelledby="binder-format-label"
              value={format}
              onChange={(v) => setFormat(v as Format)}
              data={[
                { value: 'pdf', label: 'PDF' },
                { value: 'docx', label: 'DOCX' },
              ]}
            />
          </Stack>
        </Group>
        <Group gap="xs">
          <Button onClick={() => void generate('preview')} disabled={disabled} loading={busy === 'preview'}>
            {t('filings.generate.preview')}
          </Button>
          <Button
            variant="default"
            onClick={() => void generate('save')}
            disabled={disabled}
            loading={busy === 'save'}
          >
            {t('filings.generate.saveAs')}
          </Button>
        </Group>
        {busy && (
          <Text size="sm" role="status">
            {t('hearingsUi.binder.progress')}
          </Text>
        )}
        <ErrorAlert error={error} title={t('filings.generate.failed')} />
        {result && (
          <Alert color="teal" variant="light" role="status" data-testid="binder-recorded">
            <Stack gap={2}>
              <Text size="sm">
                {result.path
                  ? t('filings.generate.recordedSaved', { path: result.path })
                  : t('filings.generate.recordedPreview')}
              </Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                SHA-256 {result.binder.sha256}
              </Text>
              <Text size="xs">
                {t('hearingsUi.binder.recordedDetail', {
                  profile: result.binder.profileName,
                  count: result.binder.exhibits.length,
                })}
              </Text>
            </Stack>
          </Alert>
        )}
        {preview && (
          <FilingPdfPreview
            key={preview.n}
            data={preview.data}
            label={t('hearingsUi.binder.previewLabel', { title })}
          />
        )}
      </Stack>
    </Paper>
  );
}
