import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function DashboardPage() {
  return <Page title="DashboardPage">{null}</Page>;
}
