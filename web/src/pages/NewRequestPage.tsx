import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function NewRequestPage() {
  return <Page title="NewRequestPage">{null}</Page>;
}
