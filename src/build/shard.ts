// Splitting a newsroom's charts across machines: each chart belongs to one
// shard by a hash of its id, the same on every run and every machine, so a CI
// matrix of n jobs builds every chart exactly once.

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/** FNV-1a over the id's UTF-16 code units: small, stable, and spreads similar ids apart. */
export function shardOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

export function shardManifestName(shard: Shard): string {
  return `manifest.shard-${shard.index}-of-${shard.count}.json`;
}
