import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeUpSentences } from './helpers/made-up-text.ts';
import { runStance } from './helpers/run-stance.ts';

const stance = (args: string[], input = '', env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) =>
  runStance(args, { input, env: { NO_COLOR: undefined, ...env } });
const dir = mkdtempSync(join(tmpdir(), 'stance-analyze-'));
const DOC = [
  'By Mara Eskdale',
  '',
  'The council approved the budget on 12 March by seven votes to four.',
  '',
  '“We tried everything. The bank would not listen. So we closed,” said the owner.',
  '',
  'Who, exactly, asked for a fourth stadium? I think the plan is a mess.',
  '',
].join('\n');

// Each case spawns the real command (about a second each, more on a busy machine).
describe('stance analyze', () => {
  it('--model rules: prints each sentence with its label and cues, then the profile', () => {
    const file = join(dir, 'doc.md');
    writeFileSync(file, DOC);
    const r = stance(['analyze', file, '--model', 'rules']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const labelled = r.stdout
      .split('\n')
      .filter((l) => /^\s*\d+ /.test(l))
      .map((l) => l.trim().split(/\s+/)[1]);
    expect(labelled).toEqual(['skip', 'fact', 'quote', 'quote', 'quote', 'opinion', 'opinion']);
    expect(r.stdout).toContain('cues: evaluative “mess”, first-person “I think”');
    expect(r.stdout).toMatch(
      /profile: 7 sentences; fact 1 \(16\.7%\), quote 3 \(50\.0%\), opinion 2 \(33\.3%\); skip 1/,
    );
  });

  // Regression: a byte-order mark was dropped before segmenting, so every offset was one short of the file as Node or
  // Python read it (both keep the mark as U+FEFF).
  it.each([
    ['a file', true],
    ['stdin', false],
  ])('--jsonl: offsets of %s with a byte-order mark index the input as read, mark included', (_, asFile) => {
    const withBom = `\uFEFF${DOC}`;
    const file = join(dir, 'bom.md');
    writeFileSync(file, withBom);
    for (const command of ['analyze', 'segment']) {
      const r = asFile ? stance([command, file, '--jsonl']) : stance([command, '-', '--jsonl'], withBom);
      expect(r.status).toBe(0);
      const sentences = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((o) => o.text !== undefined);
      expect(sentences.length).toBe(7);
      expect(sentences[0].start).toBe(1);
      for (const s of sentences) {
        expect(withBom.slice(s.start, s.end)).toBe(s.text);
        for (const c of s.cues ?? []) expect(withBom.slice(c.start, c.end)).toBe(c.text);
      }
    }
  });

  it('--jsonl: offsets slice the input as given, CRLF included, and cue offsets too', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const r = stance(['analyze', '-', '--jsonl', '--model', 'rules'], crlf);
    expect(r.status).toBe(0);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const sentences = objects.slice(0, -1);
    expect(sentences.length).toBe(7);
    for (const s of sentences) {
      expect(crlf.slice(s.start, s.end)).toBe(s.text);
      expect(Object.keys(s)).toEqual(['start', 'end', 'text', 'label', 'confidence', 'scores', 'cues']);
      for (const c of s.cues) expect(crlf.slice(c.start, c.end)).toBe(c.text);
    }
    expect(objects.at(-1)).toEqual({
      profile: {
        model: 'rules',
        sentences: 7,
        skipped: 1,
        counts: { fact: 1, quote: 3, opinion: 2 },
        shares: { fact: 0.167, quote: 0.5, opinion: 0.333 },
      },
    });
  });

  it('labels with the shipped default labeller when no --model is given, cues still from the rules', () => {
    const doc = [
      '# Fares again',
      '',
      'The council approved the budget on 12 March by seven votes to four.',
      '',
      '“We will not close the depot,” the director said.',
      '',
      'This is a shameful waste of public money.',
      '',
    ].join('\n');
    const r = stance(['analyze', '-', '--jsonl'], doc);
    expect(r.status).toBe(0);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects.slice(0, -1).map((o) => o.label)).toEqual(['skip', 'fact', 'quote', 'opinion']);
    expect(objects[3].cues.map((c: { kind: string }) => c.kind)).toContain('evaluative');
    expect(objects.at(-1).profile.model).toBe('default');
    // `--model default` names the same labeller.
    expect(stance(['analyze', '-', '--jsonl', '--model', 'default'], doc).stdout).toBe(r.stdout);
  });

  it('strips control characters from terminal output', () => {
    const r = stance(['analyze', '-'], 'The vote \u001b[31mwas 52 to 48.\n');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('uses a trained model given by path', () => {
    const data = join(dir, 'data.jsonl');
    writeFileSync(
      data,
      [
        '{"text":"What an absurd disgrace.","label":"opinion"}',
        '{"text":"This is a terrible and shameful plan.","label":"opinion"}',
        '{"text":"The vote was 52 to 48.","label":"fact"}',
        '{"text":"The council met on 12 March.","label":"fact"}',
      ].join('\n'),
    );
    const model = join(dir, 'm.json');
    expect(stance(['train', '--data', data, '--out', model]).status).toBe(0);
    const r = stance(
      ['analyze', '-', '--jsonl', '--model', model],
      'What a shameful disgrace.\n\nThe vote was 49 to 51.\n',
    );
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects.slice(0, 2).map((o) => o.label)).toEqual(['opinion', 'fact']);
    expect(objects[2].profile.model).toBe('logreg');
  });

  it.each([
    ['a missing file', ['analyze', 'no/such/file.txt'], 'stance: no/such/file.txt: no such file'],
    ['a missing model', ['analyze', '-', '--model', 'no/model.json'], 'stance: no/model.json: no such file'],
  ])('refuses %s with one line and exit 2', (_, args, line) => {
    const r = stance(args, 'Some text.');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('stance:'))).toEqual([line]);
  });

  // Regression: the default labeller ignored a quotation left open by the batch before (analyze labels 1,000
  // sentences a call), so the sentence after a batch boundary inside a quotation lost its quote label.
  it('carries a quotation across its 1,000-sentence batches (default labeller)', () => {
    const quotation = [
      '“We will not close the depot.',
      'It is the heart of this town and always will be.',
      'We owe it that much,” the director said.',
    ];
    const r = stance(['analyze', '-', '--jsonl'], [...madeUpSentences(999), ...quotation].join(' '));
    expect(r.status).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .slice(999, 1002)
      .map((l) => JSON.parse(l) as { text: string; label: string });
    expect(rows.map((row) => [row.text, row.label])).toEqual(quotation.map((t) => [t, 'quote']));
  });

  it("labels every sentence of a Markdown block quotation quote, and the author's text after it as before", () => {
    const post = [
      'The paper ran this on Tuesday:',
      '',
      '> The council approved a 4.5% fare rise. The operator welcomed the decision.',
      '',
      'The operator welcomed the decision.',
    ].join('\n');
    const labels = (input: string) =>
      stance(['analyze', '-', '--jsonl'], input)
        .stdout.trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => (JSON.parse(l) as { label: string }).label);
    const quoted = labels(post);
    expect(quoted.slice(1, 3)).toEqual(['quote', 'quote']);
    // The same sentence outside the quotation is the author's, labelled as it is without any quotation.
    expect(quoted[3]).toBe(labels('The operator welcomed the decision.')[0]);
    expect(quoted[3]).not.toBe('quote');
  });

  it('reads the paragraph after a lead-in that announces a story as quoted, and the lead-in, with no `>` marks', () => {
    const post = (lead: string) =>
      [
        lead,
        '',
        'The council approved a 4.5% fare rise. The operator welcomed the decision.',
        '',
        'What a farce.',
      ].join('\n');
    const labels = (input: string) =>
      stance(['analyze', '-', '--jsonl', '--model', 'rules'], input)
        .stdout.trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => (JSON.parse(l) as { label: string }).label);
    expect(labels(post('From the AP comes this story:'))).toEqual(['quote', 'quote', 'quote', 'opinion']);
    // The author's own list after a colon is no quotation.
    expect(labels(post('Three things happened:')).slice(1, 3)).not.toContain('quote');
  });

  // Regression: an empty file printed a profile of 0 sentences and exit 0, where ingest refuses it.
  it.each([
    ['an empty file', ''],
    ['a file of white space', ' \n\n\t\n'],
  ])('refuses %s as an empty document, one line and exit 2', (_, input) => {
    const r = stance(['analyze', '-'], input);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('stance: <stdin>:1: empty document\n');
  });
});

// Regression (issue 11): `analyze` held every sentence's result and built its whole output as one string: 50 MB of
// text took 3.4 GB, and `--jsonl` failed with `Invalid string length`. 60,000 made-up sentences (6.5 MB) under a 64 MB
// heap crashed the earlier code; now each batch is written as it is labelled.
describe('stance analyze on a large input', { timeout: 300_000 }, () => {
  it('--jsonl streams within a small heap: every sentence, then the profile', () => {
    const file = join(dir, 'big.txt');
    writeFileSync(file, `${madeUpSentences(60_000).join(' ')}\n`);
    const r = runStance(['analyze', file, '--jsonl'], {
      env: { NODE_OPTIONS: '--max-old-space-size=64' },
    });
    expect(r.stderr).not.toMatch(/heap|\n\s+at |FATAL/i);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(60_001);
    expect(JSON.parse(lines.at(-1)!).profile.sentences).toBe(60_000);
  });
});
