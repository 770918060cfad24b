import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfPages } from '../../components/pdf/PdfPages';

/** The generated PDF drawn with pdf.js from its bytes in memory, page by page. */
export function FilingPdfPreview({ data, label }: { data: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (error) return <ErrorAlert error={error} title={t('filings.generate.previewFailed')} />;
  return (
    <PdfPages
      source={{ data }}
      label={label}
      testId="filing-preview-pdf"
      scale={1.2}
      maxHeight={720}
      onFailed={setError}
    />
  );
}
