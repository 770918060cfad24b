import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { decodeBase64 as decode, documentFileName } from '../../components/generatedFile';
import type { FilingFormat, FilingGeneration, GenerateFilingInput } from '../../../../shared/schemas/filings';
import { FilingPdfPreview } from './FilingPdfPreview';
import {
  chooseOutPath,
  GenerateButtons,
  GenerationOutcome,
  ProfileFormatFields,
  useGeneration,
} from './GenerationParts';

const fileName = (title: string, format: FilingFormat) => documentFileName(title, format, 'escrito');

type Kind = 'preview' | 'save' | 'keep';

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
  const generation = useGeneration<Kind>();
  const { format, busy } = generation;
  const [preview, setPreview] = useState<{ data: Uint8Array; format: FilingFormat; n: number } | null>(null);
  const [recorded, setRecorded] = useState<{ generation: FilingGeneration; path: string | null } | null>(
    null,
  );

  const generate = (kind: Kind) =>
    generation.run(kind, async (profile) => {
      let outPath: string | null = null;
      if (kind === 'save') {
        outPath = await chooseOutPath(fileName(title, format));
        if (!outPath) return;
      }
      await beforeGenerate();
      const input: GenerateFilingInput = {
        filingId,
        profile,
        format,
        outPath,
        keepInCase: kind === 'keep',
      };
      const result = await client.filings.generate(input);
      if (result.dataBase64)
        setPreview({ data: decode(result.dataBase64), format, n: (preview?.n ?? 0) + 1 });
      setRecorded({ generation: result.generation, path: result.path });
    });

  const disabled = blocked !== null || !generation.chosen || busy !== null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="filing-generate-title">
      <Stack gap="sm">
        <Title order={4} id="filing-generate-title">
          {t('filings.generate.title')}
        </Title>
        <ErrorAlert error={generation.profiles.error} />
        <ProfileFormatFields
          generation={generation}
          profileHint={t('filings.generate.profileHint')}
          formatLabel={t('filings.generate.format')}
          formatLabelId="filing-format-label"
        />
        {blocked && (
          <Alert color="red" variant="light" role="alert" data-testid="generate-blocked">
            {blocked}
          </Alert>
        )}
        <GenerateButtons
          buttons={[
            { kind: 'preview', label: t('filings.generate.preview') },
            { kind: 'save', label: t('filings.generate.saveAs') },
            { kind: 'keep', label: t('filings.generate.keep') },
          ]}
          busy={busy}
          disabled={disabled}
          onGenerate={(kind) => void generate(kind)}
        />
        <GenerationOutcome
          busy={busy !== null}
          progress={t('filings.generate.progress')}
          error={generation.error}
          recorded={
            recorded && {
              testId: 'generation-recorded',
              summary: recorded.generation.evidenceId
                ? t('filings.generate.recordedKept')
                : recorded.path
                  ? t('filings.generate.recordedSaved', { path: recorded.path })
                  : t('filings.generate.recordedPreview'),
              sha256: recorded.generation.sha256,
              detail: t('filings.generate.recordedDetail', {
                profile: recorded.generation.profileName,
                count: recorded.generation.exhibits.length,
                version: recorded.generation.version,
              }),
            }
          }
        />
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
