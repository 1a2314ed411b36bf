import { Anchor, AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { SESSION_KEY, useSession } from '../api/session';

interface NavItem {
  to: string;
  label: string;
  show: (s: { canWrite: boolean; isEditor: boolean; isAdmin: boolean }) => boolean;
}

const NAV: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', show: () => true },
  { to: '/requests', label: 'Requests', show: () => true },
  { to: '/requests/new', label: 'New request', show: (s) => s.canWrite },
  { to: '/requests/import', label: 'Import a spreadsheet', show: (s) => s.canWrite },
  { to: '/calendar', label: 'Calendar', show: () => true },
  { to: '/agencies', label: 'Agencies', show: () => true },
  { to: '/inbox', label: 'Unmatched email', show: (s) => s.isEditor },
  { to: '/calculator', label: 'Deadline calculator', show: () => true },
  { to: '/people', label: 'People', show: (s) => s.isAdmin },
  { to: '/settings', label: 'Newsroom settings', show: () => true },
  { to: '/account', label: 'My account', show: () => true },
];

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const state = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    await api.DELETE('/v1/auth/session');
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
    navigate('/sign-in', { replace: true });
  }

  const active = (to: string) =>
    to === '/requests'
      ? location.pathname === '/requests' || /^\/requests\/(?!new|import)/.test(location.pathname)
      : location.pathname === to;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" fw={700} c="dark" underline="never">
              Records tracker
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {state.session?.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {state.session?.user.name} ({state.session?.user.role})
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.filter((n) => n.show(state)).map((n) => (
          <NavLink
            key={n.to}
            component={Link}
            to={n.to}
            label={n.label}
            active={active(n.to)}
            aria-current={active(n.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
