import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStance, STANCE_BIN } from './helpers/run-stance.ts';

const stance = (args: string[], input: string | Buffer = '') => runStance(args, { input });
const dir = mkdtempSync(join(tmpdir(), 'stance-classify-'));

// Each case spawns the real command (about a second each, more on a busy machine).
describe('stance classify', () => {
  it('answers each {"id","text"} line with {"id","label","scores"}, in order', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'I think this is a terrible idea.' }),
      '',
      JSON.stringify({ id: 7, text: 'The council approved the budget on 12 March by seven votes to four.' }),
      JSON.stringify({ id: 'c', text: '“We are not closing the depot,” the director said.' }),
    ].join('\r\n');
    const r = stance(['classify'], input);
    expect(r.stderr).not.toContain('stance:');
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.label])).toEqual([
      ['a', 'opinion'],
      [7, 'fact'],
      ['c', 'quote'],
    ]);
    expect(Object.keys(out[0].scores).sort()).toEqual(['fact', 'opinion', 'quote', 'skip']);
  });

  it('uses the shipped default labeller unless --model names another; --model rules selects the rules', () => {
    const input = `${JSON.stringify({ id: 'x', text: 'The minister said the scheme would be reviewed next year.' })}\n`;
    const byDefault = stance(['classify'], input);
    expect(byDefault.status).toBe(0);
    expect(stance(['classify', '--model', 'default'], input).stdout).toBe(byDefault.stdout);
    const answer = JSON.parse(byDefault.stdout);
    expect(answer.label).toBe('quote');
    // The default decides skip by the rules first, so a sentence it does not skip has a skip score of 0.
    expect(answer.scores.skip).toBe(0);
    const rules = JSON.parse(stance(['classify', '--model', 'rules'], input).stdout);
    expect(rules.scores.skip).toBeGreaterThan(0);
  });

  it('streams large input across chunk boundaries (multi-byte characters, no final newline)', () => {
    const lines = Array.from({ length: 4000 }, (_, i) =>
      JSON.stringify({ id: `n${i}`, text: `“Café ${i} ☕ is a terrible idea,” said Zoë — or was it ${i}%?` }),
    );
    const r = stance(['classify'], lines.join('\n'));
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => `n${i}`));
    expect(new Set(out.map((o) => o.label))).toEqual(new Set(['quote']));
  });

  it.each([
    ['a non-JSON line', '{"id":"1","text":"ok."}\nnot json\n', '<stdin>:2: not a JSON line'],
    ['a missing text field', '{"id":"1"}\n', '<stdin>:1: missing "text"'],
    ['a missing id', '{"text":"Hello there."}\n', '<stdin>:1: missing "id"'],
    ['a JSON array', '["x"]\n', '<stdin>:1: expected a JSON object'],
  ])('stops at %s with one line and exit 2', (_, input, message) => {
    const r = stance(['classify'], input);
    expect(r.status).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('stance:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^stance: ${message.replace(/[[\]{}()"]/g, '\\$&')}`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses bytes that are not UTF-8, naming the line, after answering the lines before it', () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"1","text":"ok."}\n{"id":"2","text":"a'),
      Buffer.from([0xff]),
      Buffer.from('"}\n'),
    ]);
    const r = stance(['classify'], input);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stance: <stdin>:2: not UTF-8 text');
    expect(JSON.parse(r.stdout.trim()).id).toBe('1');
  });

  // Regression: answers were held until 64 KB of them or the end of input, so a program that writes one line and
  // waits for its answer (the protocol as a coprocess) waited forever.
  it.each([['default'], ['rules']])(
    'answers each line while stdin is still open, so it can be driven one line at a time (--model %s)',
    { timeout: 120_000 },
    async (model) => {
      const child = spawn(process.execPath, [STANCE_BIN, 'classify', '--model', model], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      let buffered = '';
      const waiters: (() => void)[] = [];
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        buffered += d;
        for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
          lines.push(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
          waiters.shift()?.();
        }
      });
      const nextAnswer = () => new Promise<void>((done) => waiters.push(done));
      const exited = new Promise<number | null>((done) => child.on('close', done));
      // stdin stays open across both requests: each answer must come without the end of input.
      let answered = nextAnswer();
      child.stdin.write('{"id":"a","text":"This is a shameful waste of public money."}\n');
      await answered;
      answered = nextAnswer();
      child.stdin.write('{"id":"b","text":"The vote was 52 to 48."}\n');
      await answered;
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b']);
    },
  );

  it('writes the answers before a bad line', () => {
    const r = stance(['classify'], '{"id":"1","text":"The vote was 52 to 48."}\n{bad\n');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout.trim()).id).toBe('1');
  });

  it('refuses a missing or broken model file with one line', () => {
    const missing = stance(['classify', '--model', join(dir, 'nope.json')], '');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format":"stance-model","version":1,"kind":"nb"');
    const bad = stance(['classify', '--model', broken], '');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('broken.json: not a stance model: invalid JSON');
  });
});
