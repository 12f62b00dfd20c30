import { EventEmitter } from 'node:events';

/** A suggestion line with a label (a pending one reads `suggestion … (model)`). */
const SUGGESTED = /suggestion (fact|quote|opinion|skip) /;
/** The end of one of Ink's synchronized updates: a frame is out. */
const FRAME_END = '\u001b[?2026l';
const stripCodes = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** A terminal-like stdout for Ink that notes when each frame is written (80x24 unless resized). */
export class FrameSink extends EventEmitter {
  readonly isTTY = true;
  columns = 80;
  rows = 24;
  frames = 0;
  firstWriteAt = 0;
  lastWriteAt = 0;
  /** When the first frame showing a suggestion's label (not a pending one) was written; 0: not yet. */
  suggestionAt = 0;
  private waiters: (() => void)[] = [];
  /** `marker` tells a frame from the cursor codes Ink also writes. */
  constructor(private readonly marker: string) {
    super();
  }
  write = (chunk: string): boolean => {
    // The first frame holds the marker; after it any synchronized update (Ink wraps each frame on a terminal in one)
    // is a frame, whatever rows it holds.
    const text = String(chunk);
    if (!text.includes(this.marker) && !(this.frames > 0 && text.includes(FRAME_END))) return true;
    this.frames++;
    this.lastWriteAt = performance.now();
    if (this.frames === 1) this.firstWriteAt = this.lastWriteAt;
    if (this.suggestionAt === 0 && SUGGESTED.test(stripCodes(text))) this.suggestionAt = this.lastWriteAt;
    for (const resolve of this.waiters.splice(0)) resolve();
    return true;
  };
  /** Resolves at the next frame, or rejects after `timeoutMs`. */
  nextFrame(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame within timeout')), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** A raw-mode stdin for Ink that the bench types into. */
export class KeySource extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  type(key: string): void {
    this.data = key;
    this.emit('readable');
  }
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
