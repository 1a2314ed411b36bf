import { Anchor, Button, Group, Modal, Spoiler, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { Schemas } from '../api/client';
import { formatInstant, humanize } from './format';

type Event = Schemas['Event'];
type File = Event['attachments'][number];

const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

/** What an event's data says, in words, for the fields a reader looks for. */
function dataLines(e: Event): string[] {
  const d = e.data as Record<string, unknown>;
  const out: string[] = [];
  const add = (label: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') out.push(`${label}: ${String(v)}`);
  };
  add('Tracking number', d['trackingNumber']);
  add('Extra days', d['days']);
  add('New due date', d['newDueDate']);
  add('Reason', d['reason']);
  if (typeof d['amount'] === 'number') add('Amount', `${d['amount']} ${String(d['currency'] ?? 'USD')}`);
  add('Question', d['question']);
  add('Answer', d['answer']);
  add('From', d['from']);
  add('To', d['to']);
  add('Subject', d['subject']);
  add('Outcome', d['outcome']);
  if (Array.isArray(d['exemptions']) && d['exemptions'].length) {
    add('Exemptions', (d['exemptions'] as Array<{ citation: string }>).map((x) => x.citation).join('; '));
  }
  return out;
}

export function fileUrl(requestId: string, attachmentId: string, inline = false): string {
  return `/v1/requests/${requestId}/attachments/${attachmentId}${inline ? '?disposition=inline' : ''}`;
}

/** The request's history, oldest first: each event, what it said and the files that came with it. */
export function EventTimeline({
  requestId,
  events,
  files,
  timeZone,
}: {
  requestId: string;
  events: Event[];
  files: Schemas['Attachment'][];
  timeZone: string;
}) {
  const [preview, setPreview] = useState<{ id: string; name: string; type: string } | null>(null);
  const idOf = (f: File) =>
    files.find((x) => x.sha256 === f.sha256 && x.filename === f.filename)?.id ?? files.find((x) => x.sha256 === f.sha256)?.id;
  return (
    <>
      <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
        {events.map((e) => (
          <Timeline.Item key={e.id} title={<Text fw={600}>{humanize(e.type)}</Text>}>
            <Text size="sm" c="dimmed">
              {formatInstant(e.occurredAt, timeZone)}
              {e.backdated ? ` · logged ${formatInstant(e.recordedAt, timeZone)}` : ''}
              {e.correctsEventId ? ' · corrects an earlier event' : ''}
            </Text>
            {e.summary && <Text size="sm">{e.summary}</Text>}
            {dataLines(e).map((l) => (
              <Text size="sm" key={l}>
                {l}
              </Text>
            ))}
            {e.body && (
              <Spoiler maxHeight={90} showLabel="Show all" hideLabel="Show less">
                <Text size="sm" className="letter-text">
                  {e.body}
                </Text>
              </Spoiler>
            )}
            {e.attachments.length > 0 && (
              <Stack gap={2} mt={4}>
                {e.attachments.map((f) => {
                  const id = idOf(f);
                  if (!id) return null;
                  return (
                    <Group key={`${f.sha256}:${f.filename}`} gap="xs">
                      <Anchor href={fileUrl(requestId, id)} size="sm">
                        {f.filename}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {Math.max(1, Math.round(f.size / 1024))} KB
                      </Text>
                      {PREVIEWABLE.has(f.contentType) && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => setPreview({ id, name: f.filename, type: f.contentType })}
                        >
                          Preview {f.filename}
                        </Button>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Modal opened={!!preview} onClose={() => setPreview(null)} title={preview?.name} size="xl">
        {preview &&
          (preview.type.startsWith('image/') ? (
            <img src={fileUrl(requestId, preview.id, true)} alt={preview.name} style={{ maxWidth: '100%' }} />
          ) : (
            <iframe
              title={`Preview of ${preview.name}`}
              src={fileUrl(requestId, preview.id, true)}
              style={{ width: '100%', height: '70vh', border: 0 }}
            />
          ))}
      </Modal>
    </>
  );
}
