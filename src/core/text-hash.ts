// A short, stable hash of a text (53-bit cyrb53), to remember "this content" in one small cell.

// Held once: the loop runs for every character of every lead on each run, and a global looked up per character costs
// far more than the multiplication where globals are slow to reach (a script realm such as node:vm).
const imul = Math.imul;

/** The hash of `text` as 14 hexadecimal digits; equal texts give equal hashes, different ones almost never do. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = imul(h1 ^ code, 2654435761);
    h2 = imul(h2 ^ code, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
