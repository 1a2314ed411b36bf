import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { ProblemAlert } from './Page';

const LEVELS = ['federal', 'state', 'county', 'municipal', 'school_district', 'special_district', 'tribal', 'other'] as const;
type Level = (typeof LEVELS)[number];

function zones(): string[] {
  // Every zone the browser knows; the server checks it is a real IANA zone.
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
}

export function useJurisdictions() {
  return useQuery({
    queryKey: ['jurisdictions'],
    queryFn: () => unwrap(api.GET('/v1/jurisdictions')),
    staleTime: 3_600_000,
  });
}

/** Adds an agency: its jurisdiction decides the law and the calendar, its zone decides what "today" is. */
export function AgencyForm({ onCreated }: { onCreated: (agency: Schemas['Agency']) => void }) {
  const queryClient = useQueryClient();
  const jurisdictions = useJurisdictions();
  const [name, setName] = useState('');
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [level, setLevel] = useState<Level | null>(null);
  const [timezone, setTimezone] = useState<string | null>(null);
  const [recordsEmail, setRecordsEmail] = useState('');
  const [portalUrl, setPortalUrl] = useState('');
  const zoneList = useMemo(zones, []);
  const items = jurisdictions.data?.items ?? [];
  const defaultZone = items.find((j) => j.code === jurisdiction)?.defaultTimezone;

  const create = useMutation({
    mutationFn: (chosen: Level) =>
      unwrap(
        api.POST('/v1/agencies', {
          body: {
            name: name.trim(),
            jurisdiction: jurisdiction ?? '',
            level: chosen,
            ...(timezone ? { timezone } : {}),
            recordsEmail: recordsEmail.trim() || null,
            portalUrl: portalUrl.trim() || null,
          },
        }),
      ),
    onSuccess: (agency) => {
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
      onCreated(agency);
    },
  });
  const [levelMissing, setLevelMissing] = useState(false);
  const errors = fieldErrors(create.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    setLevelMissing(!level);
    if (level) create.mutate(level);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add an agency">
      <Stack gap="sm">
        <TextInput label="Agency name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Select
          label="Jurisdiction (whose law applies)"
          required
          searchable
          data={items.map((j) => ({ value: j.code, label: `${j.name} — ${j.lawName}` }))}
          value={jurisdiction}
          onChange={setJurisdiction}
          error={errors.jurisdiction}
          nothingFoundMessage="No such jurisdiction"
        />
        <Select
          label="Level of government"
          required
          data={LEVELS.map((l) => ({ value: l, label: l.replace(/_/g, ' ') }))}
          value={level}
          onChange={(v) => setLevel(v as Level | null)}
          error={errors.level ?? (levelMissing && !level ? 'Choose the level of government.' : undefined)}
        />
        <Select
          label="Time zone"
          description={
            defaultZone ? `Leave empty for ${defaultZone}, the jurisdiction's zone.` : 'Leave empty for the jurisdiction’s zone.'
          }
          searchable
          clearable
          data={zoneList}
          value={timezone}
          onChange={setTimezone}
          error={errors.timezone}
          limit={50}
        />
        <TextInput
          label="Records email"
          type="email"
          value={recordsEmail}
          onChange={(e) => setRecordsEmail(e.currentTarget.value)}
          error={errors.recordsEmail}
        />
        <TextInput
          label="Records portal URL"
          type="url"
          value={portalUrl}
          onChange={(e) => setPortalUrl(e.currentTarget.value)}
          error={errors.portalUrl}
        />
        {<ProblemAlert error={create.error} />}
        <Button type="submit" loading={create.isPending}>
          Add agency
        </Button>
      </Stack>
    </form>
  );
}
