import { Button, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Option } from '../../components/options';
import { moveTo } from '../../../../shared/hearing-time-plan';
import type { Hearing, HearingQuestion } from '../../../../shared/schemas/hearings';
import { ParticipantSelect } from './ParticipantSelect';
import { ReorderableList } from './ReorderableList';
import { useAutosavedPart } from './useAutosavedPart';

function QuestionRow({
  question,
  number,
  answerers,
  onSaved,
}: {
  question: HearingQuestion;
  number: number;
  answerers: Option[];
  onSaved: (hearing: Hearing) => void;
}) {
  const { t } = useTranslation();
  const { question: text, answer, answererId } = question;
  const part = useAutosavedPart(
    question.id,
    question.revision,
    { question: text, answer, answererId },
    async (revision, fields) => {
      const hearing = await client.hearings.updateQuestion({ id: question.id, revision, fields });
      onSaved(hearing);
      return hearing.questions.find((q) => q.id === question.id)?.revision ?? revision;
    },
  );
  const { values, change } = part;
  return (
    <Stack gap="xs" data-testid="question-row">
      <Textarea
        label={t('hearingsUi.questions.question', { n: number })}
        value={values.question}
        onChange={(e) => change({ question: e.currentTarget.value })}
        autosize
        minRows={1}
        maxRows={6}
      />
      <Textarea
        label={t('hearingsUi.questions.answer')}
        value={values.answer}
        onChange={(e) => change({ answer: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={10}
      />
      <ParticipantSelect
        label={t('hearingsUi.questions.answerer')}
        participants={answerers}
        value={values.answererId}
        onChange={(v) => change({ answererId: v })}
        width={260}
      />
      <ErrorAlert error={part.error} title={t('hearingsUi.saveFailed')} />
    </Stack>
  );
}

/** What the State is expected to say or ask, the answer prepared, and who gives it. */
export function QuestionsSection({
  hearing,
  answerers,
  onChanged,
}: {
  hearing: Hearing;
  answerers: Option[];
  onChanged: (hearing: Hearing) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [order, setOrder] = useState<string[] | null>(null);
  const questions = order
    ? order.flatMap((id) => hearing.questions.filter((q) => q.id === id))
    : hearing.questions;
  const run = async (action: () => Promise<Hearing>) => {
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="hearing-questions-title">
      <Title order={4} id="hearing-questions-title">
        {t('hearingsUi.questions.title')}
      </Title>
      {questions.length === 0 ? (
        <Text c="dimmed">{t('hearingsUi.questions.empty')}</Text>
      ) : (
        <ReorderableList
          items={questions}
          idOf={(q) => q.id}
          nameOf={(q, i) => t('hearingsUi.questions.name', { n: i + 1, text: q.question.slice(0, 60) })}
          onMove={(from, to) => {
            const q = questions[from];
            if (!q) return;
            setOrder(moveTo(questions, from, to).map((x) => x.id));
            void run(() => client.hearings.moveQuestion({ id: q.id, toIndex: to })).finally(() =>
              setOrder(null),
            );
          }}
          onRemove={(q) => void run(() => client.hearings.removeQuestion({ id: q.id }))}
          label={t('hearingsUi.questions.title')}
          testId="question-list"
        >
          {(q, i) => <QuestionRow question={q} number={i + 1} answerers={answerers} onSaved={onChanged} />}
        </ReorderableList>
      )}
      <SimpleGrid cols={1}>
        <Textarea
          label={t('hearingsUi.questions.new')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
        />
      </SimpleGrid>
      <ErrorAlert error={error} />
      <Group>
        <Button
          variant="light"
          disabled={draft.trim() === ''}
          onClick={() =>
            void run(async () => {
              const saved = await client.hearings.addQuestion({
                hearingId: hearing.id,
                fields: { question: draft, answer: '', answererId: null },
              });
              setDraft('');
              return saved;
            })
          }
        >
          {t('hearingsUi.questions.add')}
        </Button>
      </Group>
    </Stack>
  );
}
