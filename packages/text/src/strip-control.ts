// ANSI/VT escape sequences (CSI, OSC, and two-byte ESC forms), then any remaining C0/C1 control characters but tab and
// line feed. Corpus text goes to the terminal; a document must not be able to move the cursor, retitle the window or
// hide text.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print to a terminal: escape sequences, control characters and bidi overrides removed; `\t` and `\n` kept. */
export function stripControl(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '').replace(BIDI, '');
}
