/** Text as search compares it: decomposed, accents dropped, lower case, white space folded (so `cafe` finds `Café`). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}
