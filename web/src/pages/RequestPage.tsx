import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function RequestPage() {
  return <Page title="RequestPage">{null}</Page>;
}
