/**
 * Deterministic made-up sentences (words from a few syllables): realistic word and character statistics, as much
 * text as a test needs, no data files. Used to check that large inputs stay within bounded memory.
 */
export function madeUpSentences(count: number): string[] {
  let seed = 1;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const syllables = ['ka', 'lo', 'mi', 'ter', 'sun', 'dra', 'vel', 'os', 'pri', 'nu', 'gor', 'et', 'an', 'ri', 'ble'];
  const word = () =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
  return Array.from({ length: count }, () => {
    const text = Array.from({ length: 8 + Math.floor(next() * 14) }, word).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  });
}
