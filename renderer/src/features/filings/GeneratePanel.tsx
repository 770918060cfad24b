import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { decodeBase64 as decode, documentFileName, joinPath as join } from '../../components/generatedFile';
import { useProfileOptions } from './profiles/useProfileOptions';
import type { FilingFormat, FilingGeneration, GenerateFilingInput } from '../../../../shared/schemas/filings';
import { FilingPdfPreview } from './FilingPdfPreview';

const fileName = (title: string, format: FilingFormat) => documentFileName(title, format, 'escrito');

/** Generation: the redaction profile and the format, a preview, Save as…, keep in the case, and what was recorded. */
export function GeneratePanel({
  filingId,
  title,
  blocked,
  beforeGenerate,
}: {
  filingId: string;
  title: string;
  /** Why generating is not possible now (unresolved leak-guard hits); null: it is. */
  blocked: string | null;
  /** Writes what is pending first, so the file is made from what is on screen. */
  beforeGenerate: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const profiles = useProfileOptions();
  const options = profiles.options;
  const [profile, setProfile] = useState<string | null>(null);
  const chosen = profile ?? options[0]?.value ?? null;
  const [format, setFormat] = useState<FilingFormat>('pdf');
  const [busy, setBusy] = useState<null | 'preview' | 'save' | 'keep'>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ data: Uint8Array; format: FilingFormat; n: number } | null>(null);
  const [recorded, setRecorded] = useState<{ generation: FilingGeneration; path: string | null } | null>(
    null,
  );

  const generate = async (kind: 'preview' | 'save' | 'keep') => {
    if (!chosen) return;
    setError(null);
    setBusy(kind);
    try {
      let outPath: string | null = null;
      if (kind === 'save') {
        const folder = await client.dialog.chooseFolder({ purpose: 'export' });
        if (!folder.path) return;
        outPath = join(folder.path, fileName(title, format));
      }
      await beforeGenerate();
      const input: GenerateFilingInput = {
        filingId,
        profile: chosen,
        format,
        outPath,
        keepInCase: kind === 'keep',
      };
      const result = await client.filings.generate(input);
      if (result.dataBase64)
        setPreview({ data: decode(result.dataBase64), format, n: (preview?.n ?? 0) + 1 });
      setRecorded({ generation: result.generation, path: result.path });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const disabled = blocked !== null || !chosen || busy !== null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="filing-generate-title">
      <Stack gap="sm">
        <Title order={4} id="filing-generate-title">
          {t('filings.generate.title')}
        </Title>
        <ErrorAlert error={profiles.error} />
        <Group align="flex-end">
          <Select
            label={t('filings.generate.profile')}
            description={t('filings.generate.profileHint')}
            data={options}
            value={chosen}
            onChange={setProfile}
            allowDeselect={false}
            w={280}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="filing-format-label">
              {t('filings.generate.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="filing-format-label"
              value={format}
              onChange={(v) => setFormat(v as FilingFormat)}
              data={[
                { value: 'pdf', label: 'PDF' },
                { value: 'docx', label: 'DOCX' },
              ]}
            />
          </Stack>
        </Group>
        {blocked && (
          <Alert color="red" variant="light" role="alert" data-testid="generate-blocked">
            {blocked}
          </Alert>
        )}
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
          <Button
            variant="default"
            onClick={() => void generate('keep')}
            disabled={disabled}
            loading={busy === 'keep'}
          >
            {t('filings.generate.keep')}
          </Button>
        </Group>
        {busy && (
          <Text size="sm" role="status">
            {t('filings.generate.progress')}
          </Text>
        )}
        <ErrorAlert error={error} title={t('filings.generate.failed')} />
        {recorded && (
          <Alert color="teal" variant="light" role="status" data-testid="generation-recorded">
            <Stack gap={2}>
              <Text size="sm">
                {recorded.generation.evidenceId
                  ? t('filings.generate.recordedKept')
                  : recorded.path
                    ? t('filings.generate.recordedSaved', { path: recorded.path })
                    : t('filings.generate.recordedPreview')}
              </Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                SHA-256 {recorded.generation.sha256}
              </Text>
              <Text size="xs">
                {t('filings.generate.recordedDetail', {
                  profile: recorded.generation.profileName,
                  count: recorded.generation.exhibits.length,
                  version: recorded.generation.version,
                })}
              </Text>
            </Stack>
          </Alert>
        )}
        {preview?.format === 'pdf' && (
          <FilingPdfPreview
            key={preview.n}
            data={preview.data}
            label={t('filings.generate.previewLabel', { title })}
          />
        )}
        {preview?.format === 'docx' && (
          <Text size="sm" c="dimmed">
            {t('filings.generate.docxNoPreview')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
