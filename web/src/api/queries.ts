import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from './client';
import { useSession } from './session';

// Query keys are shared with the lead's pages (['people', orgId], ['jurisdictions']): the cache holds the
// API's answer as it came, and each hook shapes it with `select`.

/** The newsroom's people (any member may read them). */
export function usePeople(enabled = true) {
  const { session } = useSession();
  const orgId = session?.organization.id ?? '';
  return useQuery({
    queryKey: ['people', orgId],
    enabled: enabled && !!orgId,
    queryFn: () => unwrap(api.GET('/v1/organizations/{orgId}/users', { params: { path: { orgId } } })),
    select: (r) => r.items,
  });
}

/** The rule sets, by name; they change with a deploy, not during a visit. */
export function useJurisdictions() {
  return useQuery({
    queryKey: ['jurisdictions'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/v1/jurisdictions')),
    select: (r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name)),
  });
}

export function jurisdictionOptions(items: Schemas['JurisdictionSummary'][] | undefined) {
  return (items ?? []).map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }));
}

/** Every IANA zone the browser knows, for zone pickers. */
export function timeZoneOptions(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** Give a request to another person (or nobody); lists that show assignees are refreshed. */
export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, assigneeId }: { requestId: string; assigneeId: string | null; title: string; name: string }) =>
      unwrap(api.PATCH('/v1/requests/{id}', { params: { path: { id: requestId } }, body: { assigneeId } })),
    onSuccess: (_data, v) => {
      notifications.show({ color: 'green', message: `“${v.title}” is now ${v.assigneeId ? `assigned to ${v.name}` : 'unassigned'}.` });
      for (const key of ['deadlines', 'dashboard', 'requests', 'request']) queryClient.invalidateQueries({ queryKey: [key] });
    },
    onError: (err, v) => {
      notifications.show({ color: 'red', title: `Could not reassign “${v.title}”`, message: err.message });
    },
  });
}
