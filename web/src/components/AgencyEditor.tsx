import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { fieldErrors, type Schemas } from '../api/client';
import { jurisdictionOptions, timeZoneOptions, useJurisdictions } from '../api/queries';
import { humanize } from './format';
import { ProblemAlert } from './Page';

type Level = Schemas['AgencyCreate']['level'];
const LEVELS: Level[] = ['federal', 'state', 'county', 'municipal', 'school_district', 'special_district', 'tribal', 'other'];

export interface AgencyValues {
  name: string;
  jurisdiction: string;
  level: Level;
  timezone: string;
  recordsEmail: string | null;
  portalUrl: string | null;
  mailingAddress: string | null;
}

/** The agency form for adding one and for changing one: what the letter and the deadlines need. */
export function AgencyEditor({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  initial?: Partial<AgencyValues>;
  submitLabel: string;
  onSubmit: (values: AgencyValues) => void;
  onCancel?: () => void;
  pending: boolean;
  error: unknown;
}) {
  const jurisdictions = useJurisdictions();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [name, setName] = useState(initial?.name ?? '');
  const [jurisdiction, setJurisdiction] = useState<string | null>(initial?.jurisdiction ?? null);
  const [level, setLevel] = useState<Level | null>(initial?.level ?? null);
  const [timezone, setTimezone] = useState<string | null>(initial?.timezone ?? null);
  const [recordsEmail, setRecordsEmail] = useState(initial?.recordsEmail ?? '');
  const [portalUrl, setPortalUrl] = useState(initial?.portalUrl ?? '');
  const [mailingAddress, setMailingAddress] = useState(initial?.mailingAddress ?? '');
  const errors = fieldErrors(error);

  function chooseJurisdiction(code: string | null) {
    setJurisdiction(code);
    const law = jurisdictions.data?.find((j) => j.code === code);
    // The zone follows the jurisdiction until someone picks another.
    if (law && (!timezone || timezone === jurisdictions.data?.find((j) => j.code === jurisdiction)?.defaultTimezone))
      setTimezone(law.defaultTimezone);
    if (law && !level) setLevel(code === 'US' ? 'federal' : null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const blankToNull = (s: string) => (s.trim() ? s.trim() : null);
    onSubmit({
      name: name.trim(),
      jurisdiction: jurisdiction ?? '',
      level: (level ?? '') as Level,
      timezone: timezone ?? '',
      recordsEmail: blankToNull(recordsEmail),
      portalUrl: blankToNull(portalUrl),
      mailingAddress: blankToNull(mailingAddress),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Jurisdiction (whose law applies)"
            required
            searchable
            data={jurisdictionOptions(jurisdictions.data)}
            value={jurisdiction}
            onChange={chooseJurisdiction}
            error={errors.jurisdiction ?? (jurisdictions.error ? 'The jurisdictions could not be loaded.' : undefined)}
            nothingFoundMessage="No such jurisdiction"
          />
          <Select
            label="Level of government"
            required
            data={LEVELS.map((l) => ({ value: l, label: humanize(l) }))}
            value={level}
            onChange={(v) => setLevel(v as Level | null)}
            error={errors.level}
          />
          <Select
            label="Time zone"
            description="Deadlines are counted in the agency’s own calendar"
            searchable
            data={zones}
            value={timezone}
            onChange={setTimezone}
            placeholder="The jurisdiction’s zone"
            error={errors.timezone}
            limit={50}
          />
          <TextInput
            label="Records email"
            type="email"
            value={recordsEmail}
            onChange={(e) => setRecordsEmail(e.currentTarget.value)}
            error={errors.recordsEmail}
            description="Where letters are emailed"
          />
          <TextInput
            label="Records portal"
            type="url"
            value={portalUrl}
            onChange={(e) => setPortalUrl(e.currentTarget.value)}
            error={errors.portalUrl}
            placeholder="https://"
          />
        </SimpleGrid>
        <Textarea
          label="Mailing address"
          autosize
          minRows={2}
          value={mailingAddress}
          onChange={(e) => setMailingAddress(e.currentTarget.value)}
          error={errors.mailingAddress}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The form's values as an API body: empty choices left out so the server names what is missing. */
export function agencyBody(v: AgencyValues) {
  return {
    name: v.name,
    jurisdiction: v.jurisdiction,
    level: v.level,
    ...(v.timezone ? { timezone: v.timezone } : {}),
    recordsEmail: v.recordsEmail,
    portalUrl: v.portalUrl,
    mailingAddress: v.mailingAddress,
  };
}
