import { promises as dns } from 'node:dns';
import os from 'node:os';
import { authenticate, type DNSResolver } from 'mailauth';

// Who really sent an inbound message: SPF, DKIM, DMARC and ARC checked by
// mailauth, reduced to the verdict the tracker stores with the message, shows
// on its event and in the history, and trusts for the tracking-number route.

/** A DNS look-up as dns.promises.resolve answers it; tests give their own (no network). */
export type DnsResolver = DNSResolver;

export interface SenderVerdict {
  /** The domain of the From address. */
  fromDomain: string;
  /** True when DMARC passes, or (no DMARC record) a DKIM signature of the From domain's organization verifies. */
  verified: boolean;
  /** How, in words: "sender verified by DKIM for ice.gov" or "sender not verified (…)". */
  summary: string;
  dkim: Array<{ domain: string; result: string; aligned: boolean }>;
  spf: { domain: string; result: string } | null;
  dmarc: { result: string; policy: string | null } | null;
  arc: { result: string } | null;
}

const systemResolver = (() => {
  const resolver = new dns.Resolver({ timeout: 3000, tries: 2 });
  return ((name: string, rrtype: string) => resolver.resolve(name, rrtype)) as DnsResolver;
})();

/** The last two labels: a stand-in for the organizational domain, enough for .gov, .org and .com senders. */
export function organizationalDomain(domain: string): string {
  return domain.toLowerCase().split('.').filter(Boolean).slice(-2).join('.');
}

const resultOf = (status: { result?: unknown } | undefined): string => (typeof status?.result === 'string' ? status.result : 'none');

/**
 * Checks a raw message. The connecting IP and HELO are taken from the topmost
 * Received header, which the receiving server (the mail provider, or the IMAP
 * mailbox's own server) added; without one SPF is `none`.
 */
export async function checkSender(raw: Buffer, fromAddress: string, resolver: DnsResolver = systemResolver): Promise<SenderVerdict> {
  const fromDomain = (fromAddress.split('@')[1] ?? '').toLowerCase();
  let result: Awaited<ReturnType<typeof authenticate>>;
  try {
    result = await authenticate(raw, {
      trustReceived: true,
      mta: os.hostname(),
      disableBimi: true,
      resolver,
    });
  } catch (err) {
    return {
      fromDomain,
      verified: false,
      summary: `sender not verified (the check failed: ${(err as Error).message})`,
      dkim: [],
      spf: null,
      dmarc: null,
      arc: null,
    };
  }
  const org = organizationalDomain(fromDomain);
  // An unsigned message has one result with no signing domain (`dkim=none`): no signature to list.
  const dkim = (result.dkim?.results ?? [])
    .filter((r) => r.signingDomain)
    .map((r) => ({
      domain: (r.signingDomain ?? '').toLowerCase(),
      result: resultOf(r.status),
      aligned: !!r.signingDomain && organizationalDomain(r.signingDomain) === org,
    }));
  const spf = result.spf ? { domain: (result.spf.domain ?? '').toLowerCase(), result: resultOf(result.spf.status) } : null;
  const dmarc = result.dmarc ? { result: resultOf(result.dmarc.status), policy: result.dmarc.policy ?? null } : null;
  const arc = result.arc ? { result: resultOf(result.arc.status) } : null;

  const alignedDkim = dkim.find((d) => d.result === 'pass' && d.aligned);
  const spfAligned = spf?.result === 'pass' && organizationalDomain(spf.domain) === org;
  const dmarcPass = dmarc?.result === 'pass';
  const dmarcFail = dmarc?.result === 'fail';
  const verified = !!fromDomain && (dmarcPass || (!dmarcFail && !!alignedDkim));
  let summary: string;
  if (verified && alignedDkim) summary = `sender verified by DKIM for ${alignedDkim.domain}`;
  else if (verified && spfAligned) summary = `sender verified by SPF for ${spf!.domain}`;
  else if (verified) summary = `sender verified by DMARC for ${fromDomain}`;
  else {
    const why = dmarcFail
      ? `DMARC fails for ${fromDomain}`
      : dkim.some((d) => d.result === 'pass')
        ? `DKIM signed by ${dkim.find((d) => d.result === 'pass')!.domain}, not ${fromDomain}`
        : dkim.length
          ? `DKIM ${dkim[0]!.result}`
          : 'no DKIM signature';
    summary = `sender not verified (${why})`;
  }
  return { fromDomain, verified, summary, dkim, spf, dmarc, arc };
}
