import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors, type Schemas, unwrap } from '../api/client';
import { useSession } from '../api/session';
import { AgencyForm } from '../components/AgencyForm';
import { ReviewAndSend } from '../components/ReviewAndSend';
import { EmptyState, Page, ProblemAlert } from '../components/Page';

type Draft = Schemas['Request'];

export default function NewRequestPage() {
  const { canWrite } = useSession();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  if (!canWrite) {
    return (
      <Page title="New request">
        <EmptyState title="Your role reads requests">Counsel can read every request; a reporter or editor files them.</EmptyState>
      </Page>
    );
  }
  return (
    <Page title={drafts ? 'Review and send' : 'New request'}>
      {drafts ? <ReviewAndSend drafts={drafts} onChange={setDrafts} /> : <DraftForm onDrafted={setDrafts} />}
    </Page>
  );
}

function DraftForm({ onDrafted }: { onDrafted: (drafts: Draft[]) => void }) {
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [adding, addModal] = useDisclosure(false);
  const [title, setTitle] = useState('');
  const [recordsSought, setRecordsSought] = useState('');
  const [dateRangeStart, setStart] = useState('');
  const [dateRangeEnd, setEnd] = useState('');
  const [format, setFormat] = useState('electronic copies (PDF or native format) by email');
  const [feeLimit, setFeeLimit] = useState<number | string>('');
  const [waiver, setWaiver] = useState(false);
  const [waiverWhy, setWaiverWhy] = useState('');
  const [expedited, setExpedited] = useState(false);
  const [expeditedWhy, setExpeditedWhy] = useState('');

  const agencies = useQuery({
    queryKey: ['agencies', debounced],
    queryFn: () => unwrap(api.GET('/v1/agencies', { params: { query: { q: debounced || undefined, limit: 100 } } })),
  });
  const options = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.jurisdiction})` }));
  for (const id of agencyIds) if (!options.some((o) => o.value === id)) options.push({ value: id, label: labels[id] ?? id });

  const draft = useMutation({
    mutationFn: async (): Promise<Draft[]> => {
      const common = {
        title: title.trim(),
        recordsSought: recordsSought.trim(),
        dateRangeStart: dateRangeStart || null,
        dateRangeEnd: dateRangeEnd || null,
        format: format.trim() || null,
        feeLimit: feeLimit === '' ? null : Number(feeLimit),
        feeWaiver: waiver ? { requested: true, justification: waiverWhy.trim() || null } : null,
        expedited: expedited ? { requested: true, justification: expeditedWhy.trim() || null } : null,
      };
      if (agencyIds.length === 1) return [await unwrap(api.POST('/v1/requests', { body: { ...common, agencyId: agencyIds[0]! } }))];
      const batch = await unwrap(api.POST('/v1/requests/batch', { body: { ...common, agencyIds } }));
      return batch.items;
    },
    onSuccess: onDrafted,
  });
  const errors = fieldErrors(draft.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    draft.mutate();
  }

  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Draft a request">
        <Stack gap="md" maw={760}>
          <div>
            <MultiSelect
              label="Agencies"
              description="One letter per agency, each under its own law. Type to find an agency."
              required
              searchable
              data={options}
              value={agencyIds}
              onChange={(ids) => {
                setAgencyIds(ids);
                setLabels((prev) => {
                  const next = { ...prev };
                  for (const o of options) if (ids.includes(o.value)) next[o.value] = o.label;
                  return next;
                });
              }}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: opts }) => opts}
              nothingFoundMessage={agencies.isFetching ? 'Looking…' : 'No agency by that name: add it below'}
              error={errors.agencyId ?? errors.agencyIds}
              hidePickedOptions
            />
            <Button variant="subtle" size="compact-sm" mt={4} onClick={addModal.open}>
              Add an agency that is not listed
            </Button>
          </div>
          <TextInput
            label="Title (for your newsroom; the agency does not see it)"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label="Records sought"
            description="Describe the records as the agency would file them: who, what, when."
            required
            autosize
            minRows={5}
            value={recordsSought}
            onChange={(e) => setRecordsSought(e.currentTarget.value)}
            error={errors.recordsSought}
          />
          <Group grow align="start">
            <TextInput
              label="Records from"
              type="date"
              value={dateRangeStart}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={errors.dateRangeStart}
            />
            <TextInput
              label="Records to"
              type="date"
              value={dateRangeEnd}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={errors.dateRangeEnd}
            />
          </Group>
          <TextInput label="Format wanted" value={format} onChange={(e) => setFormat(e.currentTarget.value)} error={errors.format} />
          <NumberInput
            label="Fee limit (US dollars)"
            description="The agency must ask before charging more."
            min={0}
            decimalScale={2}
            value={feeLimit}
            onChange={setFeeLimit}
            error={errors.feeLimit}
          />
          <Checkbox label="Ask for a fee waiver" checked={waiver} onChange={(e) => setWaiver(e.currentTarget.checked)} />
          {waiver && (
            <Textarea
              label="Why a fee waiver (public interest, news media)"
              autosize
              minRows={2}
              value={waiverWhy}
              onChange={(e) => setWaiverWhy(e.currentTarget.value)}
              error={errors['feeWaiver.justification']}
            />
          )}
          <Checkbox label="Ask for expedited processing" checked={expedited} onChange={(e) => setExpedited(e.currentTarget.checked)} />
          {expedited && (
            <Textarea
              label="Why it is urgent (compelling need)"
              autosize
              minRows={2}
              value={expeditedWhy}
              onChange={(e) => setExpeditedWhy(e.currentTarget.value)}
              error={errors['expedited.justification']}
            />
          )}
          {<ProblemAlert error={draft.error} />}
          <Group>
            <Button type="submit" loading={draft.isPending}>
              {agencyIds.length > 1 ? `Draft ${agencyIds.length} letters` : 'Draft the letter'}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={adding} onClose={addModal.close} title="Add an agency">
        <AgencyForm
          onCreated={(agency) => {
            setLabels((prev) => ({ ...prev, [agency.id]: `${agency.name} (${agency.jurisdiction})` }));
            setAgencyIds((prev) => [...prev, agency.id]);
            addModal.close();
          }}
        />
      </Modal>
    </>
  );
}
