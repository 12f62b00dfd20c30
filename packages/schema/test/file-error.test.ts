import { openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileError, fileErrorReason, StanceError } from '../src/index.ts';

/** The real error Node throws for `fn`. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('fileError', () => {
  it('turns a real ENOENT into `PATH: no such file or folder`, exit 2', () => {
    const error = fileError(thrown(() => openSync('/nonexistent-stance-test/x', 'r')));
    expect(error.toLine()).toBe('/nonexistent-stance-test/x: no such file or folder');
    expect(error.exitCode).toBe(2);
  });

  it('names the path given for errors that carry none (writes on a descriptor), and adds the detail', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(fileErrorReason(enospc)).toBe('no space left on device');
    expect(fileError(enospc, 'c/documents/a.json', '2 of 5 documents were written').toLine()).toBe(
      'c/documents/a.json: no space left on device; 2 of 5 documents were written',
    );
  });

  it('leaves a StanceError as it is, and keeps the message of other errors', () => {
    const own = new StanceError('bad line', { where: 'f:3' });
    expect(fileError(own)).toBe(own);
    expect(fileErrorReason(new Error('x'))).toBeUndefined();
    expect(fileError(new Error('odd'), 'p').toLine()).toBe('p: odd');
  });
});
