// The draft's repeated answers (facts, questions, groups, measures): a titled list of bordered items bound
// to one array of the form, each item with its own fields, an optional "remove" and an optional "add".
import { Button, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, type Control } from 'react-hook-form';
import type { FilingFields } from '../../../../shared/schemas/filings';
import { fieldId } from './steps';

export type Path = Parameters<typeof Controller<FilingFields>>[0]['name'];

export interface ListItem {
  index: number;
  value: Record<string, unknown>;
  /** The form path of one of the item's fields. */
  path: (key: string) => Path;
  /**
   * One of the item's text fields: a growing Textarea, or with `minRows` unset a single line; `anchor`
   * gives it the id the completeness check links to.
   */
  text: (key: string, label: string, options?: { minRows?: number; anchor?: boolean }) => ReactNode;
}

export function ListField({
  control,
  name,
  label,
  empty,
  add,
  removeLabel,
  children,
}: {
  control: Control<FilingFields>;
  name: string;
  label: string;
  /** Shown while the list is empty. */
  empty?: string;
  add?: { label: string; item: () => unknown };
  removeLabel?: (i: number) => string;
  children: (item: ListItem) => ReactNode;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: name as never });
  const item = (index: number, value: Record<string, unknown>): ListItem => {
    const path = (key: string) => `${name}.${index}.${key}` as Path;
    return {
      index,
      value,
      path,
      text: (key, label, { minRows, anchor = false } = {}) => (
        <TextAnswer
          control={control}
          name={path(key)}
          label={label}
          id={anchor ? fieldId(path(key)) : undefined}
          minRows={minRows}
        />
      ),
    };
  };
  return (
    <Stack gap="xs" id={fieldId(name)} tabIndex={-1}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {empty && fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {fields.map((f, i) => (
        <Paper key={f.id} withBorder p="xs">
          {removeLabel ? (
            <Stack gap={4}>
              {children(item(i, f))}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => remove(i)}
                style={{ alignSelf: 'flex-end' }}
              >
                {removeLabel(i)}
              </Button>
            </Stack>
          ) : (
            children(item(i, f))
          )}
        </Paper>
      ))}
      {add && (
        <Button
          size="xs"
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => append(add.item() as never)}
        >
          {add.label}
        </Button>
      )}
    </Stack>
  );
}

function TextAnswer({
  control,
  name,
  label,
  id,
  minRows,
}: {
  control: Control<FilingFields>;
  name: string;
  label: string;
  id?: string;
  minRows?: number;
}) {
  return (
    <Controller
      control={control}
      name={name as Path}
      render={({ field }) => {
        const props = {
          id,
          label,
          value: (field.value as string) ?? '',
          onChange: (e: { currentTarget: { value: string } }) => field.onChange(e.currentTarget.value),
        };
        return minRows === undefined ? (
          <TextInput {...props} />
        ) : (
          <Textarea {...props} autosize minRows={minRows} />
        );
      }}
    />
  );
}
