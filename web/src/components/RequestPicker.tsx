import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';

interface Option {
  value: string;
  label: string;
}

/** How many search hits are looked up for their agency: requests of one batch share a title. */
const LOOKED_UP = 10;

/** Requests found by words (full-text search), or the newest ones before anything is typed; each labelled with its agency. */
async function findRequests(q: string): Promise<Option[]> {
  if (!q) {
    const page = await unwrap(api.GET('/v1/requests', { params: { query: { limit: 50 } } }));
    return page.items.map((r) => ({ value: r.id, label: `${r.title} — ${r.agency.name}` }));
  }
  const hits = await unwrap(api.GET('/v1/search', { params: { query: { q, limit: 50 } } }));
  const ids = [...new Set(hits.items.map((h) => h.requestId))].slice(0, LOOKED_UP);
  // A search hit names the request but not its agency.
  const found = await Promise.all(ids.map((id) => unwrap(api.GET('/v1/requests/{id}', { params: { path: { id } } })).catch(() => null)));
  return found.flatMap((r) => (r ? [{ value: r.id, label: `${r.title} — ${r.agency.name}` }] : []));
}

/** Choose one request of the newsroom by typing words from it. */
export function RequestPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null, label?: string) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  // While a choice is shown, the box holds its label: that is not a new search.
  const query = chosen && search === chosen.label ? '' : q;
  const found = useQuery({ queryKey: ['request-picker', query], queryFn: () => findRequests(query), placeholderData: (p) => p });
  const data = [...(found.data ?? [])];
  if (chosen && !data.some((o) => o.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label={label}
      description="Type words from its title, letter or history"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id, option?.label);
      }}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No request matches'}
      error={error ?? (found.error ? found.error.message : undefined)}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}
