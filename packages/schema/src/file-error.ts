import { isStanceError, StanceError } from './errors.ts';

// Node's own messages (`EACCES: permission denied, open '/x'`) put the code first and the path last, and a write on an
// open descriptor names no path at all; users get the path first, in words, as every other error reads.
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EISDIR: 'is a folder, expected a file',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
  EBUSY: 'busy (in use by another program)',
  EIO: 'input/output error (the disk or its connection failed)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'on another file system',
};

/** The words for a file-system error's code (`ENOSPC` → `no space left on device`), or undefined for other errors. */
export function fileErrorReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? REASONS[code] : undefined;
}

/**
 * A file-system error as a one-line StanceError naming the file: `PATH: permission denied` (exit 2). `path` defaults
 * to the one Node put on the error (or a StanceError's `where`); `detail` is added after the reason (`…; 3 of 5
 * documents were written`). A StanceError without a detail is returned as it is; other errors keep their message.
 */
export function fileError(error: unknown, path?: string, detail?: string): StanceError {
  if (isStanceError(error) && detail === undefined) return error;
  const where = path ?? (isStanceError(error) ? error.where : (error as NodeJS.ErrnoException | null)?.path);
  const reason = fileErrorReason(error) ?? (error as Error | null)?.message ?? String(error);
  const message = detail === undefined ? reason : `${reason}; ${detail}`;
  return new StanceError(message, { ...(where === undefined ? {} : { where }), cause: error });
}
