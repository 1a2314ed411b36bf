import { Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, type RouteObject, useLocation } from 'react-router';
import { useSession } from './api/session';
import { Layout } from './components/Layout';
import { NotFoundPage } from './pages/NotFoundPage';
import { RequestsPage } from './pages/RequestsPage';
import { SignInPage } from './pages/SignInPage';

// Pages past the first screen load on demand, so the first visit downloads only what it shows.
const NewRequestPage = lazy(() => import('./pages/NewRequestPage'));
const RequestPage = lazy(() => import('./pages/RequestPage'));
const HistoryPage = lazy(() => import('./pages/HistoryPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const CalendarPage = lazy(() => import('./pages/CalendarPage'));
const AgenciesPage = lazy(() => import('./pages/AgenciesPage'));
const AgencyPage = lazy(() => import('./pages/AgencyPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const CalculatorPage = lazy(() => import('./pages/CalculatorPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const PeoplePage = lazy(() => import('./pages/PeoplePage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));

function Loading() {
  return (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Pages for people signed in: anyone else is sent to sign in and brought back afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Home() {
  const { isEditor } = useSession();
  return <Navigate to={isEditor ? '/dashboard' : '/requests'} replace />;
}

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { path: '/', element: <Home /> },
      { path: '/requests', element: <RequestsPage /> },
      { path: '/requests/new', element: <NewRequestPage /> },
      { path: '/requests/import', element: <ImportPage /> },
      { path: '/requests/:id', element: <RequestPage /> },
      { path: '/requests/:id/history', element: <HistoryPage /> },
      { path: '/dashboard', element: <DashboardPage /> },
      { path: '/calendar', element: <CalendarPage /> },
      { path: '/agencies', element: <AgenciesPage /> },
      { path: '/agencies/:id', element: <AgencyPage /> },
      { path: '/inbox', element: <InboxPage /> },
      { path: '/calculator', element: <CalculatorPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/people', element: <PeoplePage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
