import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

// Rows are made one at a time; a write call per row would be a system call per row, so text is gathered to ~1 MB
// before it goes to the file.
const FLUSH_CHARS = 1 << 20;

/** An append-only text file written in large blocks, fsync'd on close. */
export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private chars = 0;
  private closed = false;
  /** Lines written so far (counted by `line`). */
  lines = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  /** Append text. */
  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  /** Append one line (`\n` added). */
  line(text: string): void {
    this.lines++;
    this.write(`${text}\n`);
  }

  private flush(): void {
    if (!this.parts.length) return;
    const bytes = Buffer.from(this.parts.join(''), 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.parts = [];
    this.chars = 0;
  }

  /** Write what is left, fsync and close. */
  close(): void {
    this.flush();
    fsyncSync(this.fd);
    this.closed = true;
    closeSync(this.fd);
  }

  /** Close without flushing (after a failure; the folder is removed anyway). */
  abandon(): void {
    // A closed descriptor's number may already belong to another file: never close it twice.
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
