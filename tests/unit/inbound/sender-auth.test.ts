import MailComposer from 'nodemailer/lib/mail-composer';
import { checkSender } from '../../../server/inbound/sender-auth';
import { domainKey, fakeDns, signed } from '../../support/sender-dns';

// mailauth's checks with the test's own key and DNS answers: no network.

const ice = domainKey('ice.example.gov');
const other = domainKey('elsewhere.example.com');
const dns = fakeDns({ ...ice.records, ...other.records });
const message = (from: string) =>
  new MailComposer({ from, to: 'records@newsroom.example.org', subject: 'Re: 2026-ICFO-1', text: 'x', date: new Date() }).compile().build();

describe('who sent it', () => {
  it('when the agency’s domain signs its own From, then DKIM and DMARC pass and the sender is verified', async () => {
    const v = await checkSender(await signed(await message('foia@ice.example.gov'), ice), 'foia@ice.example.gov', dns);
    expect(v).toMatchObject({ verified: true, summary: 'sender verified by DKIM for ice.example.gov', dmarc: { result: 'pass' } });
    expect(v.dkim).toEqual([{ domain: 'ice.example.gov', result: 'pass', aligned: true }]);
  });

  it('when a message claims the agency’s From unsigned, or signed by another domain, then it is not verified', async () => {
    const unsigned = await checkSender(await message('foia@ice.example.gov'), 'foia@ice.example.gov', dns);
    expect(unsigned.verified).toBe(false);
    expect(unsigned.summary).toMatch(/^sender not verified/);
    const forged = await checkSender(await signed(await message('foia@ice.example.gov'), other), 'foia@ice.example.gov', dns);
    expect(forged.verified).toBe(false);
    expect(forged.dkim[0]).toMatchObject({ domain: 'elsewhere.example.com', result: 'pass', aligned: false });
  });

  it('when the message was changed after signing, then DKIM fails', async () => {
    const good = await signed(await message('foia@ice.example.gov'), ice);
    const tampered = Buffer.from(good.toString('latin1').replace(/\r\n\r\nx/, '\r\n\r\ny'), 'latin1');
    const v = await checkSender(tampered, 'foia@ice.example.gov', dns);
    expect(v.verified).toBe(false);
    expect(v.dkim[0]!.result).not.toBe('pass');
  });
});
