import { Button, Checkbox, FileInput, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { EVENT_FORMS, type EventType, eventBody, type FieldSpec, type FormValues } from './event-forms';
import { todayIn } from './format';
import { ProblemAlert } from './Page';

type LoggableType = Exclude<EventType, 'correction'>;

/** Upload a file to a request; the answer's id is attached to an event. */
export async function uploadFile(requestId: string, file: File): Promise<Schemas['Attachment']> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/v1/requests/{id}/attachments', {
      params: { path: { id: requestId } },
      // The browser writes the multipart boundary itself.
      body: form as unknown as { file: string },
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

/** Log what happened: the type chosen decides which fields are shown, as the API's schema for that type. */
export function LogEventForm({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState<LoggableType | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [date, setDate] = useState(todayIn(timeZone));
  const [time, setTime] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);

  const log = useMutation({
    mutationFn: async () => {
      if (!type) throw new Error('Choose what happened.');
      const attachmentIds: string[] = [];
      for (const f of files) attachmentIds.push((await uploadFile(requestId, f)).id);
      const event = eventBody(type, values, { date, time, summary, body, attachmentIds }, timeZone);
      return unwrap(api.POST('/v1/requests/{id}/events', { params: { path: { id: requestId } }, body: event }));
    },
    onSuccess: () => {
      setType(null);
      setValues({});
      setSummary('');
      setBody('');
      setFiles([]);
      setTime('');
      void queryClient.invalidateQueries({ queryKey: ['request', requestId] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const errors = fieldErrors(log.error);
  const dataError = (name: string) => errors[`data.${name}`] ?? errors[name];

  function submit(e: FormEvent) {
    e.preventDefault();
    log.mutate();
  }

  function field(f: FieldSpec) {
    const v = values[f.name];
    const set = (value: string | boolean) => setValues((prev) => ({ ...prev, [f.name]: value }));
    const common = { label: f.label, description: f.description, required: f.required, error: dataError(f.name) };
    switch (f.kind) {
      case 'checkbox':
        return <Checkbox key={f.name} label={f.label} checked={v === true} onChange={(e) => set(e.currentTarget.checked)} />;
      case 'number':
        return <NumberInput key={f.name} {...common} min={0} value={typeof v === 'string' ? v : ''} onChange={(n) => set(String(n))} />;
      case 'date':
        return (
          <TextInput
            key={f.name}
            {...common}
            type="date"
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(e.currentTarget.value)}
          />
        );
      case 'select':
        return (
          <Select
            key={f.name}
            {...common}
            data={f.options ?? []}
            value={typeof v === 'string' && v ? v : null}
            onChange={(s) => set(s ?? '')}
          />
        );
      case 'textarea':
        return (
          <Textarea
            key={f.name}
            {...common}
            autosize
            minRows={2}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(e.currentTarget.value)}
          />
        );
      case 'exemptions':
        return (
          <Textarea
            key={f.name}
            {...common}
            description="One per line: the citation, then a colon and the agency's reason if given."
            autosize
            minRows={2}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(e.currentTarget.value)}
          />
        );
      default:
        return <TextInput key={f.name} {...common} value={typeof v === 'string' ? v : ''} onChange={(e) => set(e.currentTarget.value)} />;
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Log what happened">
      <Stack gap="sm">
        <Select
          label="What happened"
          placeholder="Choose an event"
          data={Object.entries(EVENT_FORMS).map(([value, f]) => ({ value, label: f.label }))}
          value={type}
          onChange={(v) => {
            setType(v as LoggableType | null);
            setValues({});
          }}
          error={errors.type}
          searchable
        />
        {type && (
          <>
            <Group grow align="start">
              <TextInput
                label="Date"
                description={`In the agency's zone (${timeZone}).`}
                type="date"
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={errors.occurredAt}
              />
              <TextInput label="Time (optional)" type="time" value={time} onChange={(e) => setTime(e.currentTarget.value)} />
            </Group>
            {EVENT_FORMS[type].fields.map(field)}
            <TextInput
              label="Summary (optional)"
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={errors.summary}
            />
            <Textarea
              label="Text (the letter or email, if any)"
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors.body}
            />
            <FileInput label="Files (optional)" multiple clearable value={files} onChange={setFiles} error={errors.attachmentIds} />
            {<ProblemAlert error={log.error} />}
            <Group>
              <Button type="submit" loading={log.isPending}>
                Log it
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}
