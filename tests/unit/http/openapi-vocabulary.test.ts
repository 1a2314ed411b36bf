import { countingSchema } from '../../../server/deadlines/rules/rule-schema';
import { CorrespondenceChannel } from '../../../server/events/event-schemas';
import { openApiDocument } from '../../support/openapi-document';

const schemas = openApiDocument().components.schemas;
const enumOf = (schema: string, field: string) =>
  ((schemas[schema]?.properties as Record<string, { enum?: string[] }> | undefined)?.[field]?.enum ?? []).slice().sort();

describe('one vocabulary for how a request was filed', () => {
  const submit = enumOf('RequestSubmit', 'method');

  it('when the document is read, then submit and the calculator list the same filing methods', () => {
    expect(submit).toContain('portal');
    expect(submit).toContain('in_person');
    expect(enumOf('DeadlineCalculation', 'submissionMethod')).toEqual(submit);
  });

  it('when the rule data names electronic filing methods, then each is a word of that vocabulary', () => {
    const methods = countingSchema.shape.electronicReceipt.unwrap().shape.methods.element.options as readonly string[];
    expect(methods.filter((m) => !submit.includes(m))).toEqual([]);
  });

  it('when correspondence names its channel, then the channels shared with filing are spelt the same', () => {
    const channels = CorrespondenceChannel.options as readonly string[];
    expect(channels).toEqual(expect.arrayContaining(['portal', 'in_person', 'email', 'fax']));
    expect(channels.filter((c) => ['web_portal', 'hand_delivery'].includes(c))).toEqual([]);
  });

  it('when the document is searched, then the old spellings appear nowhere in it', () => {
    const text = JSON.stringify(schemas);
    expect(text).not.toMatch(/web_portal|hand_delivery/);
  });
});
