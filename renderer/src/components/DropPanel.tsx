// A panel that takes files into the case (evidence, saved e-mails): files dropped on it (Electron gives
// their paths; a plain browser does not, which it says) or picked with a button, then one operation's
// progress with its cancel button, then what the caller shows of the outcome.
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';
import { client } from '../api/client';

export interface DropPanelProgress {
  /** What is being done now ("file 2 of 5: …"), or that it is starting. */
  text: string;
  percent: number;
  /** The progress bar's accessible name. */
  label: string;
  cancelLabel: string;
  onCancel: () => void;
}

export function DropPanel({
  label,
  title,
  titleOrder,
  hint,
  chooseLabel,
  onChoose,
  busy,
  onPaths,
  dropUnavailable,
  progress,
  children,
  outcome,
}: {
  /** The drop zone's accessible name. */
  label: string;
  title: string;
  titleOrder: 3 | 4;
  hint: string;
  chooseLabel: string;
  onChoose: () => void;
  /** An operation runs: no other may be started. */
  busy: boolean;
  onPaths: (paths: string[]) => void;
  dropUnavailable: string;
  progress: DropPanelProgress | null;
  /** Between the heading and the progress (fields, files waiting for confirmation). */
  children?: ReactNode;
  /** After the progress (errors, the results). */
  outcome?: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  const [dropNotice, setDropNotice] = useState(false);

  const take = (paths: string[]) => {
    setDropNotice(false);
    onPaths(paths);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const paths = [...event.dataTransfer.files]
      .map((file) => client.pathForFile(file))
      .filter((p): p is string => Boolean(p));
    if (paths.length === 0) setDropNotice(true);
    else take(paths);
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
      aria-label={label}
      role="region"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={titleOrder} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </Stack>
          <Button
            onClick={() => {
              setDropNotice(false);
              onChoose();
            }}
            disabled={busy}
          >
            {chooseLabel}
          </Button>
        </Group>
        {children}
        {progress && (
          <Stack gap={4} role="status" aria-live="polite">
            <Group justify="space-between">
              <Text size="sm">{progress.text}</Text>
              <Button size="xs" variant="default" color="red" onClick={progress.onCancel}>
                {progress.cancelLabel}
              </Button>
            </Group>
            <Progress value={progress.percent} animated aria-label={progress.label} />
          </Stack>
        )}
        {dropNotice && (
          <Alert color="yellow" variant="light">
            {dropUnavailable}
          </Alert>
        )}
        {outcome}
      </Stack>
    </Paper>
  );
}
