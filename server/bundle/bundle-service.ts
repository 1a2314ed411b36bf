import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { Zip as ZipArchive } from './zip';
import type { CheckpointKey } from '../checkpoints/checkpoint-key';
import { signCheckpoints } from '../checkpoints/checkpoint-service';
import { type StampDeps, stampCheckpoints } from '../checkpoints/checkpoint-timestamps';
import { latestCheckpoint } from '../checkpoints/checkpoint-store';
import { checkpointView } from '../checkpoints/checkpoint-view';
import type { Db } from '../db/database';
import type { FileStore } from '../files/file-store';
import { type ExhibitOptions, renderExhibit } from '../history/exhibit';
import { nextExhibitLabel } from '../history/exhibit-schemas';
import { batesNumber } from '../history/pdf/exhibit-setup';
import { buildHistory } from '../history/history-service';
import type { HistoryDocument } from '../history/history-types';
import { listEvents } from '../events/event-store';
import { verifyChain } from '../events/hash-chain';

/** One file of a bundle, as its manifest lists it. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  /** What the file is: readme, history, exhibit, email_in, email_out, attachment, timestamp. */
  role: string;
  attachmentId?: string;
  eventSeq?: number | null;
}

/** A stored file that could not go into the bundle as recorded: its bytes are missing or no longer match their hash. */
export interface ManifestProblem {
  attachmentId: string;
  filename: string;
  expectedSha256: string;
  status: 'missing' | 'altered';
}

export interface RequestManifest {
  requestId: string;
  title: string;
  agency: string;
  chain: { events: number; headHash: string; valid: boolean; eventsValid: boolean; firstBrokenSeq: number | null };
  /** The latest signed checkpoint of the request when the bundle was made, with what is needed to check it. */
  checkpoint: (ReturnType<typeof checkpointView> & { publicKeyPem: string; timestampFile: string | null }) | null;
  /** The exhibit's label and the Bates numbers of its first and last page. */
  exhibit: { label: string | null; pages: number; firstBates: string; lastBates: string };
  files: ManifestFile[];
  problems: ManifestProblem[];
}

export interface BundleDeps {
  files: Pick<FileStore, 'check' | 'openChecked'>;
  key: CheckpointKey;
  now: Date;
  /** The time-stamping authority's settings and a logger; without TSA_URL nothing is asked. */
  timestamps?: StampDeps;
}

/** The exhibit of one request and where the next one of the same bundle starts. */
interface WrittenRequest {
  manifest: RequestManifest;
  next: ExhibitOptions;
}

/** A name safe in every file system a reader may unpack to: no separators, controls or reserved characters. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-120);
  return cleaned || 'file';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Appends bytes held in memory and records them in the manifest. */
async function addBuffer(zip: ZipArchive, manifest: ManifestFile[], path: string, bytes: Buffer, role: string): Promise<void> {
  manifest.push({ path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, role });
  zip.append(bytes, { name: path });
  await once(zip, 'entry');
}

/**
 * Writes one request's part of a bundle under `prefix`: the history JSON, the
 * PDF exhibit, every raw email in and out, every attachment as stored. Stored
 * files are streamed one at a time, checked against their SHA-256 as they
 * are read, so a bundle of hundreds of megabytes never sits in memory (the
 * exhibit, with the agency PDFs it appends, is built in memory first).
 * Returns the request's manifest (the caller writes manifest.json last) and
 * the label and first Bates number of the next exhibit.
 */
export async function writeRequestBundle(
  zip: ZipArchive,
  prefix: string,
  db: Db,
  deps: BundleDeps,
  organizationId: string,
  requestId: string,
  exhibit: ExhibitOptions,
): Promise<WrittenRequest> {
  // The bundle anchors what it holds: the head is signed first (when it moved), then read back with the history.
  if (verifyChain(await listEvents(db, organizationId, requestId)).valid) {
    await signCheckpoints(db, deps.key, deps.now, 'bundle', { organizationId, requestId });
  }
  // So the bundle carries a token for the head it anchors; an authority that does not answer leaves the bundle without one.
  if (deps.timestamps) await stampCheckpoints(db, deps.timestamps, { organizationId, requestId });
  const history: HistoryDocument = await buildHistory(db, deps.files, organizationId, requestId, deps.now, deps.key);
  const files: ManifestFile[] = [];
  const problems: ManifestProblem[] = [];

  await addBuffer(zip, files, `${prefix}history.json`, Buffer.from(JSON.stringify(history, null, 2), 'utf8'), 'history');
  const rendered = await renderExhibit(deps.files, history, exhibit);
  await addBuffer(zip, files, `${prefix}exhibit.pdf`, rendered.pdf, 'exhibit');

  const width = String(history.attachments.length).length;
  for (const [i, a] of history.attachments.entries()) {
    const isEml = a.contentType === 'message/rfc822';
    const folder =
      isEml && a.source === 'inbound_email' ? 'email/in' : isEml && a.source === 'outbound_email' ? 'email/out' : 'attachments';
    const role = folder === 'email/in' ? 'email_in' : folder === 'email/out' ? 'email_out' : 'attachment';
    const path = `${prefix}${folder}/${pad(i + 1, width)}-${safeName(a.filename)}`;
    const { check, stream } = await deps.files.openChecked(a.sha256);
    if (!stream) {
      problems.push({
        attachmentId: a.id,
        filename: a.filename,
        expectedSha256: a.sha256,
        status: check.status === 'altered' ? 'altered' : 'missing',
      });
      continue;
    }
    files.push({ path, sha256: a.sha256, size: a.size, role, attachmentId: a.id, eventSeq: a.eventSeq });
    zip.append(stream as Readable, { name: path });
    // One open file at a time: wait until archiver has written this one.
    await once(zip, 'entry');
  }

  const checkpoint = await latestCheckpoint(db, organizationId, requestId);
  let timestampFile: string | null = null;
  if (checkpoint?.timestamp) {
    timestampFile = `${prefix}checkpoint.tsr`;
    await addBuffer(zip, files, timestampFile, checkpoint.timestamp.token, 'timestamp');
  }
  const manifest: RequestManifest = {
    requestId,
    title: history.request.title,
    agency: history.agency.name,
    chain: {
      events: history.chain.events,
      headHash: history.chain.headHash,
      valid: history.chain.valid,
      eventsValid: history.chain.eventsValid,
      firstBrokenSeq: history.chain.firstBrokenSeq,
    },
    checkpoint: checkpoint ? { ...checkpointView(checkpoint), publicKeyPem: deps.key.publicKeyPem, timestampFile } : null,
    exhibit: {
      label: exhibit.label,
      pages: rendered.pages,
      firstBates: batesNumber(exhibit.batesPrefix, exhibit.batesStart),
      lastBates: batesNumber(exhibit.batesPrefix, rendered.nextBates - 1),
    },
    files,
    problems,
  };
  return {
    manifest,
    next: { ...exhibit, label: exhibit.label && nextExhibitLabel(exhibit.label), batesStart: rendered.nextBates },
  };
}

export const BUNDLE_README = `Litigation bundle from the records tracker
==========================================

manifest.json lists every file of this bundle (except itself) with its
SHA-256 and size, the request's hash-chain head (the hash of its last event)
and the latest signed checkpoint of that chain.

Check every file against the manifest
-------------------------------------
Linux:    sha256sum FILE
macOS:    shasum -a 256 FILE
Windows:  certutil -hashfile FILE SHA256
          PowerShell: Get-FileHash FILE -Algorithm SHA256
Each printed hash must equal the file's "sha256" in manifest.json
(certutil and Get-FileHash print upper case; compare ignoring case).

All at once on Linux or macOS, from the folder that holds manifest.json:
  node -e 'for (const r of require("./manifest.json").requests) for (const f of r.files) console.log(f.sha256 + "  " + f.path)' > SHA256SUMS
  sha256sum -c SHA256SUMS        (macOS: shasum -a 256 -c SHA256SUMS)

Check the signed checkpoint
---------------------------
"checkpoint" in manifest.json is a statement signed with the newsroom's
Ed25519 checkpoint key: this request had "events" events ending in "headHash"
at "signedAt". "message" holds the exact signed bytes, "signature" the
signature (base64), "publicKeyPem" the public key (compare it with the one the
service publishes at /.well-known/records-tracker-checkpoint-key). With
OpenSSL 3:
  save publicKeyPem as key.pem, message (no trailing newline) as message.txt,
  base64-decode signature into sig.bin, then
  openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in message.txt -sigfile sig.bin

Check the time-stamp (when there is one)
---------------------------------------
When the service is set up with an RFC 3161 time-stamping authority,
checkpoint.tsr (named by "timestampFile" in the checkpoint) is the
authority's token over the same message: it shows the statement existed by
the token's time ("timestamp" "genTime"), whatever the clock of the service
said. With the authority's CA certificate (from the authority, not from this
bundle) saved as tsa-ca.pem and message.txt written as above:
  openssl ts -verify -data message.txt -in checkpoint.tsr -token_in -CAfile tsa-ca.pem
prints "Verification: OK". To see its time: openssl ts -reply -in checkpoint.tsr -token_in -text

Files
-----
history.json   the full record: request, letter as sent, every event with its
               hash and previous hash, deadlines met or missed, files
exhibit.pdf    the same record as a paginated exhibit for filing: exhibit
               label and Bates number on every page, the request's PDF
               attachments appended (each after a separator page with its
               SHA-256), and a certification page for the custodian to sign
email/in/      every agency email as received (.eml, raw)
email/out/     every email sent (.eml, raw)
attachments/   every other file, byte for byte as stored
checkpoint.tsr the RFC 3161 time-stamp of the checkpoint, when there is one
`;

export interface BundleManifest {
  format: 'records-tracker.bundle';
  v: 1;
  generatedAt: string;
  organization: { id: string };
  /** How to read this file: every path is relative to the folder that holds it. */
  note: string;
  requests: RequestManifest[];
}

/**
 * A whole bundle: README.txt, each request's files (under its own folder when
 * there are several), and manifest.json last, once every hash is known. The
 * exhibits of several requests are one production: their Bates numbers run
 * on from one to the next and each takes the next label.
 */
export async function writeBundle(
  zip: ZipArchive,
  db: Db,
  deps: BundleDeps,
  organizationId: string,
  requestIds: string[],
  exhibit: ExhibitOptions,
): Promise<BundleManifest> {
  const manifestFiles: ManifestFile[] = [];
  await addBuffer(zip, manifestFiles, 'README.txt', Buffer.from(BUNDLE_README, 'utf8'), 'readme');
  const requests: RequestManifest[] = [];
  let options = exhibit;
  for (const id of requestIds) {
    const prefix = requestIds.length > 1 ? `request-${id}/` : '';
    const written = await writeRequestBundle(zip, prefix, db, deps, organizationId, id, options);
    requests.push(written.manifest);
    options = written.next;
  }
  if (requests[0]) requests[0].files.unshift(...manifestFiles);
  const manifest: BundleManifest = {
    format: 'records-tracker.bundle',
    v: 1,
    generatedAt: deps.now.toISOString(),
    organization: { id: organizationId },
    note: 'Every file of the bundle except manifest.json, with its SHA-256; see README.txt for how to check them and the checkpoint.',
    requests,
  };
  zip.append(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), { name: 'manifest.json' });
  await zip.finalize();
  return manifest;
}
