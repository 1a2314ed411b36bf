import { describe, expect, it } from 'vitest';
import { type CalculatorForm, calculationBody } from './calculator';

const base: CalculatorForm = {
  agencyId: null,
  jurisdiction: 'US',
  receivedDate: '2026-01-16',
  requestType: null,
  submissionMethod: null,
  moves: [],
};

describe('calculationBody', () => {
  it('sends only what was chosen, with the receipt date as the agency-zone date it is', () => {
    expect(calculationBody(base)).toEqual({ jurisdiction: 'US', receivedAt: '2026-01-16' });
    expect(calculationBody({ ...base, jurisdiction: null, agencyId: 'a1', requestType: 'standard', submissionMethod: 'email' })).toEqual({
      agencyId: 'a1',
      receivedAt: '2026-01-16',
      requestType: 'standard',
      submissionMethod: 'email',
    });
  });

  it('turns the moves into events in date order with the data each type needs', () => {
    const body = calculationBody({
      ...base,
      moves: [
        { key: 1, type: 'fee_estimate', date: '2026-02-10', amount: '125.50' },
        { key: 2, type: 'extension_claimed', date: '2026-02-02', days: '10', newDueDate: '' },
        { key: 3, type: 'acknowledged', date: '2026-01-20' },
        { key: 4, type: 'appeal_decided', date: '', outcome: 'granted' },
        { key: 5, type: 'records_released', date: '2026-03-01', final: false },
      ],
    });
    expect(body.events).toEqual([
      { type: 'acknowledged', occurredAt: '2026-01-20' },
      { type: 'extension_claimed', occurredAt: '2026-02-02', data: { days: 10 } },
      { type: 'fee_estimate', occurredAt: '2026-02-10', data: { amount: 125.5, currency: 'USD' } },
      { type: 'records_released', occurredAt: '2026-03-01', data: { final: false } },
    ]);
  });

  it('keeps a claimed new due date instead of a number of days', () => {
    const body = calculationBody({ ...base, moves: [{ key: 1, type: 'extension_claimed', date: '2026-02-02', newDueDate: '2026-03-16' }] });
    expect(body.events?.[0]?.data).toEqual({ newDueDate: '2026-03-16' });
  });
});
