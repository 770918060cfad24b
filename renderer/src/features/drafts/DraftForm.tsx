// The frame every record form of a case shares: a titled panel with the notice of a restored draft, the
// form's own fields, the save error and the buttons; Cancel and "discard the draft" both drop the draft.
import { Paper, Stack, Title, type TitleOrder } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormButtons } from '../../components/FormButtons';
import { DraftRestoredNotice } from './DraftRestoredNotice';
import type { DraftState } from './useDraft';

export function DraftForm({
  title,
  titleOrder = 4,
  gap = 'sm',
  className,
  draft,
  onReset,
  onSubmit,
  error,
  errorTitle,
  submitLabel,
  submitting,
  onCancel,
  children,
}: {
  title: string;
  titleOrder?: TitleOrder;
  gap?: 'sm' | 'md';
  className?: string;
  draft: DraftState;
  /** Back to the form's first values, once the restored draft is discarded. */
  onReset: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: unknown;
  errorTitle?: string;
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" className={className}>
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <Stack gap={gap}>
          <Title order={titleOrder}>{title}</Title>
          <DraftRestoredNotice
            at={draft.restoredAt}
            onDiscard={() => {
              draft.discard({ keepDrafting: true });
              onReset();
            }}
          />
          {children}
          <ErrorAlert error={error} title={errorTitle} />
          <FormButtons
            submitLabel={submitLabel}
            submitting={submitting}
            onCancel={() => {
              draft.discard();
              onCancel();
            }}
          />
        </Stack>
      </form>
    </Paper>
  );
}
