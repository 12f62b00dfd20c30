import type { Label } from '@stance/schema';

/** Colour of each label on screen (the same as the CLI's ANSI colours). */
export const LABEL_COLOR: Readonly<Record<Label, string>> = {
  fact: 'blue',
  quote: 'magenta',
  opinion: 'yellow',
  skip: 'gray',
};

/** The letter of each label in the document pane's gutter: its key. */
export const LABEL_LETTER: Readonly<Record<Label, string>> = {
  fact: 'f',
  quote: 'q',
  opinion: 'o',
  skip: 's',
};
