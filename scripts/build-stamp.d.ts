export declare const STAMP: string;
export declare const ENTRY: string;
export declare function fingerprint(root: string): string;
export declare function staleReason(root: string): string | undefined;
export declare function writeStamp(root: string, value: string): void;
export declare function buildIfStale(root: string, opts?: { force?: boolean; log?: (message: string) => void }): number;
