import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { timeZoneOptions } from '../api/queries';
import { useSession } from '../api/session';
import { Page, ProblemAlert } from '../components/Page';

type Settings = Schemas['OrganizationSettings'];

function hour(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}

export default function SettingsPage() {
  const { isAdmin } = useSession();
  const org = useQuery({ queryKey: ['organization'], queryFn: () => unwrap(api.GET('/v1/organization')) });
  return (
    <Page title="Newsroom settings">
      <ProblemAlert error={org.error} />
      <Card withBorder>
        <Title order={2} size="h3" mb="xs">
          {org.data?.name ?? 'Newsroom'}
        </Title>
        {org.isPending ? (
          <Text>Loading…</Text>
        ) : (
          org.data &&
          (isAdmin ? (
            <NewsroomForm settings={org.data.settings} />
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs">
                An admin of the newsroom can change these.
              </Text>
              <NewsroomReadOnly s={org.data.settings} />
            </>
          ))
        )}
      </Card>
      <MySettings defaultLeadDays={org.data?.settings.reminderLeadDays} />
    </Page>
  );
}

function NewsroomReadOnly({ s }: { s: Settings }) {
  const rows: [string, ReactNode][] = [
    ['Newsroom time zone', s.timezone],
    [
      'Reminders',
      `${s.reminderLeadDays} business day${s.reminderLeadDays === 1 ? '' : 's'} before a deadline, at ${hour(s.reminderHour)} agency time`,
    ],
    ['Daily digest to editors', s.digestEnabled ? `At ${hour(s.digestHour)} newsroom time` : 'Off'],
    [
      'Follow-up when a statutory deadline is missed',
      s.autoFollowUp ? 'Emailed to the agency automatically' : 'Drafted for a reporter to send',
    ],
    ['Target where the law sets no period', `${s.followUpTarget.days} ${s.followUpTarget.dayType} days`],
    ['Bates numbers on PDF exhibits', s.batesPrefix ? `${s.batesPrefix}-000001, …` : '000001, … (no prefix)'],
    ['Copy of each letter sent', s.copyLettersToRequester ? 'Emailed to the requester' : 'Not sent'],
  ];
  return (
    <Table variant="vertical" withRowBorders={false} aria-label="Newsroom settings">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={300}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NewsroomForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZoneOptions(), []);
  const [s, setS] = useState<Settings>(settings);
  const save = useMutation({
    mutationFn: (body: Settings) => unwrap(api.PATCH('/v1/organization/settings', { body })),
    onSuccess: (saved) => {
      setS(saved);
      queryClient.invalidateQueries({ queryKey: ['organization'] });
      notifications.show({ color: 'green', message: 'Newsroom settings saved.' });
    },
  });
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const int = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || fallback);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(s);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Newsroom time zone"
            description="When the daily digest goes out"
            searchable
            data={zones}
            value={s.timezone}
            onChange={(v) => v && set('timezone', v)}
            allowDeselect={false}
            limit={50}
            error={errors.timezone}
          />
          <NumberInput
            label="Remind the assignee (business days before a deadline)"
            min={0}
            max={15}
            value={s.reminderLeadDays}
            onChange={(v) => set('reminderLeadDays', int(v, 0))}
            error={errors.reminderLeadDays}
          />
          <NumberInput
            label="Reminder hour (agency’s local time, 0–23)"
            min={0}
            max={23}
            value={s.reminderHour}
            onChange={(v) => set('reminderHour', int(v, 0))}
            error={errors.reminderHour}
          />
          <NumberInput
            label="Digest hour (newsroom time, 0–23)"
            min={0}
            max={23}
            value={s.digestHour}
            onChange={(v) => set('digestHour', int(v, 0))}
            error={errors.digestHour}
            disabled={!s.digestEnabled}
          />
          <NumberInput
            label="Follow-up target where the law sets no period (days)"
            min={1}
            max={365}
            value={s.followUpTarget.days}
            onChange={(v) => set('followUpTarget', { ...s.followUpTarget, days: int(v, 1) })}
            error={errors['followUpTarget.days'] ?? errors.followUpTarget}
          />
          <Select
            label="Counted in"
            data={[
              { value: 'business', label: 'Business days' },
              { value: 'calendar', label: 'Calendar days' },
            ]}
            value={s.followUpTarget.dayType}
            onChange={(v) => v && set('followUpTarget', { ...s.followUpTarget, dayType: v as 'business' | 'calendar' })}
            allowDeselect={false}
            error={errors['followUpTarget.dayType']}
          />
          <TextInput
            label="Bates prefix on PDF exhibits"
            description="Letters and digits, up to 16 (e.g. STRIB gives STRIB-000001); empty for the number alone"
            value={s.batesPrefix ?? ''}
            onChange={(e) => set('batesPrefix', e.currentTarget.value.trim() === '' ? null : e.currentTarget.value.trim())}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            error={errors.batesPrefix}
          />
        </SimpleGrid>
        <Switch
          label="Send editors a daily digest"
          checked={s.digestEnabled}
          onChange={(e) => set('digestEnabled', e.currentTarget.checked)}
        />
        <Switch
          label="Email the drafted follow-up to the agency when a statutory deadline is missed"
          description="Off: the follow-up is drafted on the request for a reporter to send."
          checked={s.autoFollowUp}
          onChange={(e) => set('autoFollowUp', e.currentTarget.checked)}
        />
        <Switch
          label="Email the requester a copy of each letter sent to an agency"
          description="Requests, follow-ups and appeals: the letter's text, once, to the requester's address (else the assignee's)."
          checked={s.copyLettersToRequester}
          onChange={(e) => set('copyLettersToRequester', e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save newsroom settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MySettings({ defaultLeadDays }: { defaultLeadDays?: number }) {
  const { canWrite } = useSession();
  const mine = useQuery({ queryKey: ['me', 'settings'], queryFn: () => unwrap(api.GET('/v1/me/settings')) });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        My reminders
      </Title>
      <ProblemAlert error={mine.error} />
      {mine.isPending ? (
        <Text>Loading…</Text>
      ) : (
        mine.data &&
        (canWrite ? (
          <MySettingsForm initial={mine.data.reminderLeadDays} defaultLeadDays={defaultLeadDays} />
        ) : (
          <Text size="sm">
            {mine.data.reminderLeadDays === null
              ? `The newsroom’s default${defaultLeadDays === undefined ? '' : `: ${defaultLeadDays} business days`} before a deadline.`
              : `${mine.data.reminderLeadDays} business days before a deadline.`}
          </Text>
        ))
      )}
    </Card>
  );
}

function MySettingsForm({ initial, defaultLeadDays }: { initial: number | null; defaultLeadDays?: number }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | null>(initial);
  const save = useMutation({
    mutationFn: (reminderLeadDays: number | null) => unwrap(api.PATCH('/v1/me/settings', { body: { reminderLeadDays } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['me', 'settings'], saved);
      setValue(saved.reminderLeadDays);
      notifications.show({ color: 'green', message: 'Your reminder setting is saved.' });
    },
  });
  const errors = fieldErrors(save.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(value);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={save.error} />
        <Switch
          label="Use the newsroom’s default"
          description={defaultLeadDays === undefined ? undefined : `${defaultLeadDays} business days before a deadline`}
          checked={value === null}
          onChange={(e) => setValue(e.currentTarget.checked ? null : (defaultLeadDays ?? 2))}
        />
        {value !== null && (
          <NumberInput
            label="Remind me (business days before a deadline)"
            min={0}
            max={15}
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : Number.parseInt(v, 10) || 0)}
            error={errors.reminderLeadDays}
            maw={360}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save my reminders
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
