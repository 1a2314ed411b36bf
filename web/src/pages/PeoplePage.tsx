import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function PeoplePage() {
  return <Page title="PeoplePage">{null}</Page>;
}
