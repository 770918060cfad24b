import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { decodeBase64, documentFileName } from '../../components/generatedFile';
import type { GenerateBinderResult } from '../../../../shared/schemas/hearings';
import { FilingPdfPreview } from '../filings/FilingPdfPreview';
import { BinderHistory } from './BinderHistory';
import {
  chooseOutPath,
  GenerateButtons,
  GenerationOutcome,
  ProfileFormatFields,
  useGeneration,
} from '../filings/GenerationParts';

type Kind = 'preview' | 'save';

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
  const generation = useGeneration<Kind>();
  const { format, busy } = generation;
  const [preview, setPreview] = useState<{ data: Uint8Array; n: number } | null>(null);
  const [result, setResult] = useState<GenerateBinderResult | null>(null);
  const binders = useLoad(() => client.hearings.binders({ hearingId }), [hearingId]);

  const generate = (kind: Kind) =>
    generation.run(kind, async (profile) => {
      let outPath: string | null = null;
      if (kind === 'save') {
        outPath = await chooseOutPath(documentFileName(title, format, 'audiencia'));
        if (!outPath) return;
      }
      await beforeGenerate();
      const answer = await client.hearings.binder({
        hearingId,
        profile,
        format: kind === 'preview' ? 'pdf' : format,
        outPath,
        overwrite: false,
      });
      if (answer.dataBase64) setPreview({ data: decodeBase64(answer.dataBase64), n: (preview?.n ?? 0) + 1 });
      setResult(answer);
      binders.reload();
    });

  const disabled = !generation.chosen || busy !== null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="hearing-binder-title">
      <Stack gap="sm">
        <Title order={4} id="hearing-binder-title">
          {t('hearingsUi.binder.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('hearingsUi.binder.hint')}
        </Text>
        <ErrorAlert error={generation.profiles.error} />
        <ProfileFormatFields
          generation={generation}
          profileHint={t('hearingsUi.binder.profileHint')}
          formatLabel={t('hearingsUi.binder.formatForSave')}
          formatLabelId="binder-format-label"
        />
        <GenerateButtons
          buttons={[
            { kind: 'preview', label: t('filings.generate.preview') },
            { kind: 'save', label: t('filings.generate.saveAs') },
          ]}
          busy={busy}
          disabled={disabled}
          onGenerate={(kind) => void generate(kind)}
        />
        <GenerationOutcome
          busy={busy !== null}
          progress={t('hearingsUi.binder.progress')}
          error={generation.error}
          recorded={
            result && {
              testId: 'binder-recorded',
              summary: result.path
                ? t('filings.generate.recordedSaved', { path: result.path })
                : t('filings.generate.recordedPreview'),
              sha256: result.binder.sha256,
              detail: t('hearingsUi.binder.recordedDetail', {
                profile: result.binder.profileName,
                count: result.binder.exhibits.length,
              }),
            }
          }
        />
        {preview && (
          <FilingPdfPreview
            key={preview.n}
            data={preview.data}
            label={t('hearingsUi.binder.previewLabel', { title })}
          />
        )}
        <BinderHistory binders={binders} />
      </Stack>
    </Paper>
  );
}
