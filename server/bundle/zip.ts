import type { ZipArchive } from 'archiver' with { 'resolution-mode': 'import' };

type ArchiverModule = typeof import('archiver', { with: { 'resolution-mode': 'import' } });

/**
 * archiver is an ES module; this CommonJS build loads it with a real dynamic
 * import (kept as import() under module node16), once.
 */
let loaded: Promise<ArchiverModule> | undefined;

export async function createZip(): Promise<ZipArchive> {
  loaded ??= import('archiver');
  const { ZipArchive } = await loaded;
  return new ZipArchive({ zlib: { level: 6 } });
}
