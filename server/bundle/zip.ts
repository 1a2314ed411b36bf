type ArchiverModule = typeof import('archiver', { with: { 'resolution-mode': 'import' }});

/** A ZIP being written (archiver's ZipArchive). */
export type Zip = InstanceType<ArchiverModule['ZipArchive']>;

/**
 * archiver is an ES module; this CommonJS build loads it with a real dynamic
 * import (kept as import() under module node16), once.
 */
let loaded: Promise<ArchiverModule> | undefined;

export async function createZip(): Promise<Zip> {
  loaded ??= import('archiver');
  const { ZipArchive } = await loaded;
  return new ZipArchive({ zlib: { level: 6 } });
}
