import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGold } from '@stance/corpus';
import type { Label, Sentence, StanceDocument } from '@stance/schema';
import { textHash } from '@stance/schema';
import { describe, expect, it } from 'vitest';
import { smallCorpusDir } from './annotate-fixture.ts';
import { madeUpSentences } from './helpers/made-up-text.ts';
import { runStance, runStanceInProcess, tempDir } from './helpers/run-stance.ts';
import { labelEvent, sentencesOf, teamDocuments, writeDocuments, writeLogs } from './helpers/team-corpus.ts';

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

/** Write documents into a corpus folder with the team reference labels (`gold.jsonl`) `labelOf` gives each sentence. */
function writeReferenceCorpus(corpus: string, docs: readonly StanceDocument[], labelOf: (s: Sentence) => Label): void {
  writeDocuments(corpus, docs);
  writeGold(
    corpus,
    docs
      .flatMap(sentencesOf)
      .map((s) => ({ sentence: s.id, textHash: textHash(s.text), label: labelOf(s), text: s.text })),
  );
}

// Each case spawns the real command (about a second each, more on a busy machine).
describe('stance train', () => {
  it.each(['nb', 'logreg', 'hybrid'])('fits %s, writes the model JSON, and classify uses it', (kind) => {
    const out = join(dir, `${kind}.json`);
    const r = stance(['train', '--data', data, '--model', kind, '--map', 'SUBJ=opinion,OBJ=fact', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`trained ${kind} on 8 sentences \\(fact 4, opinion 4\\)`));
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.kind).toBe(kind);
    expect(model.labels).toEqual(['fact', 'opinion']);
    expect(model.data.sha256).toBe(createHash('sha256').update(dataText).digest('hex'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const c = stance(['classify', '--model', out], '{"id":"x","text":"What an absurd disaster!"}\n');
    // stderr in the message: a failure seen once under heavy load (exit 2) must say what happened.
    expect(c.status, c.stderr).toBe(0);
    // One line of JSON and nothing else: the sentence encoder of a hybrid model must not print to stdout.
    expect(c.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(c.stdout).label).toBe('opinion');
  });

  it('a hybrid model labels a document in analyze, and the annotation UI refuses it as too slow for suggestions', () => {
    const out = join(dir, 'hybrid-ui.json');
    const t = stance(['train', '--data', data, '--model', 'hybrid', '--map', 'SUBJ=opinion,OBJ=fact', '--out', out]);
    expect(t.status, t.stderr).toBe(0);
    const a = stance(['analyze', '-', '--jsonl', '--model', out], 'The vote was 52 to 48. What a ridiculous farce!\n');
    expect(a.status, a.stderr).toBe(0);
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

  it('a hybrid run of 1,000 sentences or more writes a progress line per tenth when stderr is not a terminal', () => {
    // 1,000 lines of 8 distinct sentences: the size of a long run, the encoding of a short one.
    const many = join(dir, 'many.jsonl');
    writeFileSync(many, Array.from({ length: 1000 }, (_, i) => `${JSON.stringify(lines[i % 8]!)}\n`).join(''));
    const r = stance(['train', '--data', many, '--model', 'hybrid', '--out', join(dir, 'many.json')]);
    expect(r.status, r.stderr).toBe(0);
    const progress = r.stderr.split('\n').filter((l) => l.endsWith(' encoded'));
    expect(progress.map((l) => l.replace(/^\[[#·]+\] /, ''))).toEqual(
      ['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8'].map((n) => `${n} encoded`),
    );
    expect(r.stderr).not.toContain('\r');
  });

  it('--corpus trains on the annotator logs by the gold policy export uses, into <corpus>/models/<kind>-<time>.json', async () => {
    // Three documents of five sentences. ana and ben label d00 alike, differ on one sentence of d01 (a tie: no gold),
    // and only ana labels d02 (too few annotators). lead adjudicates the tie. The reference has one label for d02.
    const corpus = join(tempDir('stance-train-corpus-'), 'corpus');
    const docs = teamDocuments([5, 5, 5]);
    writeDocuments(corpus, docs);
    const [d0, d1, d2] = docs.map(sentencesOf);
    const lab = (s: Sentence) => (s.index === 0 ? 'skip' : s.index % 2 ? 'fact' : 'opinion');
    writeLogs(corpus, {
      ana: [...d0!, ...d1!, ...d2!].map((s) => labelEvent('ana', s, lab(s))),
      ben: [...d0!, ...d1!].map((s) => labelEvent('ben', s, s.docId === 'd01' && s.index === 2 ? 'fact' : lab(s))),
      lead: [labelEvent('lead', d1![2]!, 'opinion', { adjudication: true })],
    });
    writeGold(corpus, [{ sentence: d2![1]!.id, textHash: textHash(d2![1]!.text), label: 'fact', text: d2![1]!.text }]);

    const r = await runStanceInProcess(['train', '--corpus', corpus, '--model', 'nb']);
    expect(r.code).toBe(0);
    const models = readdirSync(join(corpus, 'models'));
    expect(models).toEqual([expect.stringMatching(/^nb-\d{8}T\d{6}\.\d{3}Z\.json$/)]);
    expect(r.stderr.split('\n')).toEqual([
      `gold from ${corpus}: unanimous 9, adjudicated 1; left out: too-few-annotators 5; 15 sentences labelled by 2 annotators`,
      `trained nb on 10 sentences (fact 4, opinion 4, skip 2) in ${r.stderr.match(/in (\d+) ms/)![1]} ms → ${join(corpus, 'models', models[0]!)}`,
      '',
    ]);
    // The same sentences and labels an export publishes: reuse, not a second gold policy.
    const out = join(tempDir('stance-train-export-'), 'ds');
    const e = await runStanceInProcess(['export', '--corpus', corpus, '--out', out, '--gold', 'logs', '--json']);
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout).rows).toBe(10);
    const model = JSON.parse(readFileSync(join(corpus, 'models', models[0]!), 'utf8'));
    expect(model.data.counts).toEqual({ fact: 4, opinion: 4, skip: 2 });

    // --gold logs leaves out the reference, which --gold both (the default) adds where no one labelled: here none,
    // since ana labelled all of d02; --min-annotators 1 takes her labels there.
    const one = await runStanceInProcess([
      'train',
      '--corpus',
      corpus,
      '--model',
      'nb',
      '--min-annotators',
      '1',
      '--out',
      join(corpus, 'one.json'),
    ]);
    expect(one.stderr).toMatch(/^gold from .*: unanimous 14, adjudicated 1; left out: none;/);
    expect(readdirSync(join(corpus, 'models'))).toHaveLength(1);
  });

  it('--corpus takes the reference labels (gold.jsonl) where no annotator labelled, as export --gold both does', async () => {
    const corpus = join(tempDir('stance-train-ref-'), 'corpus');
    writeReferenceCorpus(corpus, teamDocuments([4, 4]), (s) => (s.index % 2 ? 'fact' : 'opinion'));
    const r = await runStanceInProcess(['train', '--corpus', corpus, '--model', 'nb', '--out', join(corpus, 'm.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gold from .*: reference 8; left out: none; 0 sentences labelled by 0 annotators\n/);
    const logsOnly = await runStanceInProcess([
      'train',
      '--corpus',
      corpus,
      '--gold',
      'logs',
      '--out',
      join(corpus, 'n.json'),
    ]);
    expect(logsOnly.code).toBe(2);
    expect(logsOnly.stderr).toBe(
      `stance: ${corpus}: no gold labels yet: none of the 8 sentences is labelled by an annotator; label some with \`stance annotate\`\n`,
    );
  });

  // Regression: `train --corpus` read no document's layout, so labels on a `>` paragraph taught the model nothing
  // that `analyze` and the annotation UI then read.
  it("--corpus trains with the quotations its documents' layout shows, as analyze reads them", async () => {
    const corpus = join(tempDir('stance-train-block-'), 'corpus');
    const story = 'The council met on Monday. The fares rose on Tuesday. The depot opened in May.';
    const docs = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id, text: `> ${story}\n\n${story}` }));
    writeReferenceCorpus(corpus, docs, (s) => (s.index < 3 ? 'quote' : 'fact'));
    const model = join(corpus, 'm.json');
    const r = await runStanceInProcess(['train', '--corpus', corpus, '--out', model]);
    expect(r.code, r.stderr).toBe(0);
    const a = stance(['analyze', '-', '--jsonl', '--model', model], `> ${story}\n\n${story}\n`);
    const labels = a.stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((l) => (JSON.parse(l) as { label: string }).label);
    expect(labels).toEqual(['quote', 'quote', 'quote', 'fact', 'fact', 'fact']);
  });

  it('--corpus without gold says in one line how many sentences are labelled and by whom', async () => {
    const corpus = join(tempDir('stance-train-few-'), 'corpus');
    const docs = teamDocuments([4, 4]);
    writeDocuments(corpus, docs);
    const s = docs.flatMap(sentencesOf);
    writeLogs(corpus, {
      ana: s.slice(0, 3).map((x) => labelEvent('ana', x, 'fact')),
      ben: [labelEvent('ben', s[5]!, 'quote')],
    });
    const r = await runStanceInProcess(['train', '--corpus', corpus]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `stance: ${corpus}: no gold labels yet: 4 of 8 sentences labelled (ana 3, ben 1), none with a gold label ` +
        '(too-few-annotators 4); gold needs a sentence labelled by at least 2 annotators with a majority ' +
        '(--min-annotators 2), or an adjudication\n',
    );
    expect(existsSync(join(corpus, 'models'))).toBe(false);
  });

  it.each([
    ['a corpus without gold', ['--corpus', 'EMPTY'], 'no gold labels yet: the corpus has no documents'],
    ['--gold with --data', ['--data', 'DATA', '--gold', 'logs'], '--gold and --min-annotators go with --corpus'],
    ['an unknown gold source', ['--corpus', 'EMPTY', '--gold', 'all'], '--gold takes logs, reference, both'],
    [
      'an output folder that does not exist',
      ['--data', 'DATA', '--out', 'NOWHERE'],
      'cannot write model (no such file or folder)',
    ],
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
    // Regression: a hybrid model on 50 MB of sentences would have encoded for hours and passed 1 GB before failing.
    [
      'a hybrid model on more sentences than the encoder takes',
      ['--data', 'HUGE', '--model', 'hybrid'],
      'huge.jsonl: a hybrid model trains on at most 100,000 sentences, got 100,001 (the sentence encoder would take hours)',
    ],
  ])('refuses %s with one line and exit 2', (_, args, message) => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"text":"a","label":"x"}\n{oops\n');
    writeFileSync(join(dir, 'nolabel.jsonl'), '{"text":"a"}\n');
    writeFileSync(join(dir, 'one.jsonl'), '{"text":"a","label":"x"}\n{"text":"b","label":"x"}\n');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    if (args.includes('HUGE'))
      writeFileSync(
        join(dir, 'huge.jsonl'),
        Array.from({ length: 100_001 }, (_, i) => `{"text":"s${i}","label":"${i % 2 ? 'x' : 'y'}"}\n`).join(''),
      );
    const files: Record<string, string> = {
      HUGE: join(dir, 'huge.jsonl'),
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
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
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
