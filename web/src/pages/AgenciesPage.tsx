import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function AgenciesPage() {
  return <Page title="AgenciesPage">{null}</Page>;
}
