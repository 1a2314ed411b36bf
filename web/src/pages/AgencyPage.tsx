import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function AgencyPage() {
  return <Page title="AgencyPage">{null}</Page>;
}
