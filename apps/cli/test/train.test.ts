import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallCorpusDir } from './annotate-fixture.ts';
import { madeUpSentences } from './helpers/made-up-text.ts';
import { runStance } from './helpers/run-stance.ts';

const stance = (args: string[], input = '') => runStance(args, { input });
const dir = mkdtempSync(join(tmpdir(), 'stance-train-'));

const lines = [
  { text: 'This is a disgraceful and absurd decision.', label: 'SUBJ' },
  { text: 'Frankly, the minister has been a disaster.', label: 'SUBJ' },
  { text: 'What a ridiculous waste of money!', label: 'SUBJ' },
  { text: 'The new policy is brilliant and long overdue.', label: 'SUBJ' },
  { text: 'The council approved the budget on 12 March.', label: 'OBJ' },
  { text: 'Unemployment in the region was 6.1% in the third quarter.', label: 'OBJ' },
  { text: 'The ministry published the figures on Tuesday.', label: 'OBJ' },
  { text: 'The vote was 52 to 48.', label: 'OBJ' },
];
const data = join(dir, 'data.jsonl');
const dataText = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
writeFileSync(data, dataText);

// Each case spawns the real command (about a second each, more on a busy machine).
describe('stance train', { timeout: 30_000 }, () => {
  it.each(['nb', 'logreg', 'hybrid'])('fits %s, writes the model JSON, and classify uses it', (kind) => {
    const out = join(dir, `${kind}.json`);
    const r = stance(['train', '--data', data, '--model', kind, '--map', 'SUBJ=opinion,OBJ=fact', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`trained ${kind} on 8 sentences \\(fact 4, opinion 4\\)`));
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.kind).toBe(kind);
    expect(model.labels).toEqual(['fact', 'opinion']);
    expect(model.data.sha256).toBe(createHash('sha256').update(dataText).digest('hex'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const c = stance(['classify', '--model', out], '{"id":"x","text":"What an absurd disaster!"}\n');
    expect(c.status).toBe(0);
    // One line of JSON and nothing else: the sentence encoder of a hybrid model must not print to stdout.
    expect(c.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(c.stdout).label).toBe('opinion');
  });

  it('a hybrid model labels a document in analyze, and the annotation UI refuses it as too slow for suggestions', () => {
    const out = join(dir, 'hybrid-ui.json');
    expect(
      stance(['train', '--data', data, '--model', 'hybrid', '--map', 'SUBJ=opinion,OBJ=fact', '--out', out]).status,
    ).toBe(0);
    const a = stance(['analyze', '-', '--jsonl', '--model', out], 'The vote was 52 to 48. What a ridiculous farce!\n');
    expect(a.status).toBe(0);
    const rows = a.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.slice(0, 2).map((r) => r.label)).toEqual(['fact', 'opinion']);
    const corpus = smallCorpusDir();
    mkdirSync(join(corpus, 'models'));
    copyFileSync(out, join(corpus, 'models', 'default.json'));
    const u = stance(['annotate', '--corpus', corpus, '--annotator', 'ana']);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/default\.json: a hybrid model reads sentence embeddings .* too slow for suggestions/);
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--corpus trains on a corpus folder’s gold labels', () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus, { recursive: true });
    const gold = lines.map((l, i) => ({
      sentence: `doc${i % 2}:${String(i).padStart(10, '0')}`,
      textHash: '0000000000000000',
      label: l.label === 'SUBJ' ? 'opinion' : 'fact',
      text: l.text,
    }));
    writeFileSync(join(corpus, 'gold.jsonl'), `${gold.map((g) => JSON.stringify(g)).join('\n')}\n`);
    const out = join(dir, 'corpus-nb.json');
    const r = stance(['train', '--corpus', corpus, '--model', 'nb', '--out', out]);
    expect(r.stderr).toMatch(/trained nb on 8 sentences \(fact 4, opinion 4\)/);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).labels).toEqual(['fact', 'opinion']);
  });

  it.each([
    ['a corpus without gold', ['--corpus', 'EMPTY'], 'no gold labels'],
    ['an output folder that does not exist', ['--data', 'DATA', '--out', 'NOWHERE'], 'cannot write model (ENOENT)'],
    ['a missing data file', ['--data', 'no/such.jsonl'], 'no/such.jsonl: no such file'],
    ['a non-JSON line', ['--data', 'BAD'], 'bad.jsonl:2: not a JSON line'],
    ['a missing label', ['--data', 'NOLABEL'], 'nolabel.jsonl:1: missing "label"'],
    ['a single label', ['--data', 'ONE'], 'need at least two labels'],
    ['an empty file', ['--data', 'EMPTYFILE'], 'empty.jsonl: no labelled lines'],
    ['a bad --max-examples', ['--data', 'DATA', '--max-examples', '0'], '--max-examples takes a whole number above 0'],
    ['a bad --min-count', ['--data', 'DATA', '--min-count', '1.5'], '--min-count takes a whole number of at least 1'],
    ['no --out', ['--data', 'DATA', '--no-out'], '--out MODEL.json is required'],
    ['an unknown model kind', ['--data', 'DATA', '--model', 'svm'], '--model must be logreg, nb or hybrid'],
    ['a bad --map', ['--data', 'DATA', '--map', 'SUBJ'], '--map takes FROM=TO pairs'],
  ])('refuses %s with one line and exit 2', (_, args, message) => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"text":"a","label":"x"}\n{oops\n');
    writeFileSync(join(dir, 'nolabel.jsonl'), '{"text":"a"}\n');
    writeFileSync(join(dir, 'one.jsonl'), '{"text":"a","label":"x"}\n{"text":"b","label":"x"}\n');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const files: Record<string, string> = {
      BAD: join(dir, 'bad.jsonl'),
      NOLABEL: join(dir, 'nolabel.jsonl'),
      ONE: join(dir, 'one.jsonl'),
      EMPTYFILE: join(dir, 'empty.jsonl'),
      DATA: data,
      EMPTY: mkdtempSync(join(tmpdir(), 'stance-empty-')),
      NOWHERE: join(dir, 'no/such/folder/m.json'),
    };
    const argv = args.filter((a) => a !== '--no-out').map((a) => files[a] ?? a);
    if (!args.includes('--no-out') && !args.includes('--out')) argv.push('--out', join(dir, 'never.json'));
    const r = stance(['train', ...argv]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('--max-examples trains on the first N sentences and records their hash, not the file’s', () => {
    const out = join(dir, 'first6.json');
    const r = stance(['train', '--data', data, '--max-examples', '6', '--min-count', '2', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/trained logreg on 6 sentences \(OBJ 2, SUBJ 4\)/);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.data.examples).toBe(6);
    expect(model.data.sha256).not.toBe(createHash('sha256').update(dataText).digest('hex'));
    expect(model.features.minCount).toBe(2);
  });
});

// Regression (issue 11): 50 MB of sentences crashed `train` with a heap overflow and a native stack trace. Here 20,000
// made-up sentences (2.7 MB) under a 96 MB heap crashed the earlier code the same way; they must train, with one line.
describe('stance train on a large file', { timeout: 300_000 }, () => {
  it('finishes within a small heap: exit 0, one stderr line, no stack trace', () => {
    const big = join(dir, 'big.jsonl');
    const labels = ['fact', 'opinion', 'fact'];
    writeFileSync(
      big,
      `${madeUpSentences(20_000)
        .map((text, i) => JSON.stringify({ text, label: labels[i % 3] }))
        .join('\n')}\n`,
    );
    const out = join(dir, 'big-model.json');
    const r = runStance(['train', '--data', big, '--out', out], {
      env: { NODE_OPTIONS: '--max-old-space-size=96' },
    });
    expect(r.stderr).not.toMatch(/heap|\n\s+at |FATAL/i);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^trained logreg on 20000 sentences/)]);
    expect(JSON.parse(readFileSync(out, 'utf8')).data.examples).toBe(20_000);
  });
});
