import { Page } from '../components/Page';

// Placeholder until this page is written.
export default function CalculatorPage() {
  return <Page title="CalculatorPage">{null}</Page>;
}
