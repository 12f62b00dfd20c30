export { blockQuoted } from './block-quote.ts';
export { segment } from './segment.ts';
export { stripControl } from './strip-control.ts';
export { tokenize, words } from './tokenize.ts';
