export { decodeUtf8, readTextFile } from './read-text-file.ts';
