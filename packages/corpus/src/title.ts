/** Longest title kept; the first line of a headline-less text can be a whole paragraph. */
const MAX_TITLE = 200;

/** Cut a title to MAX_TITLE characters at a word boundary where there is one. */
function clip(title: string): string {
  if (title.length <= MAX_TITLE) return title;
  const cut = title.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The first non-blank line, white space folded. */
export function firstLineTitle(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return clip(line.replace(/\s+/g, ' ').trim());
}

/** The text of the first ATX heading (`# Title`), else the first non-blank line. */
export function markdownTitle(text: string): string {
  for (const line of text.split('\n')) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading?.[1]) return clip(heading[1].replace(/\s+/g, ' ').trim());
  }
  return firstLineTitle(text);
}
