/** Names for what a failed system call says: "no space left on device (ENOSPC)". */

/** The errno code of a thrown value (ENOSPC, EACCES), if it has one. */
export function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** "no space left on device (ENOSPC)", from Node's "ENOSPC: no space left on device, write". */
export function describe(e: unknown): string {
  const code = errnoCode(e);
  const text = /^[A-Z0-9]+: ([^,]+)/.exec(e instanceof Error ? e.message : '')?.[1];
  return text && code ? `${text} (${code})` : (code ?? String(e));
}
