// Types for supervise.mjs.
export function supervise(bin: string, argv: string[]): Promise<number>;
