import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStanceInProcess, tempDir } from './helpers/run-stance.ts';
import { labelEvent, sentencesOf, teamDocuments, writeDocuments, writeLogs } from './helpers/team-corpus.ts';

const stance = (args: string[]) => runStanceInProcess(args);

/** Two documents of three sentences; d01's last sentence hides a terminal escape and a tab. */
function setup() {
  const corpus = join(tempDir('stance-sentences-'), 'corpus');
  const docs = teamDocuments([3, 3]);
  docs[1]!.text = docs[1]!.text.replace(
    'Claim 2 of piece 1 is here.',
    'Claim 2 of\tpiece 1 is \u001b[31mred\u001b[0m.',
  );
  writeDocuments(corpus, docs);
  return { corpus, sentences: docs.flatMap(sentencesOf) };
}

describe('stance sentences', { timeout: 60_000 }, () => {
  it('lists every sentence as id, tab, text (terminal-safe); --jsonl gives {id, docId, index, text} exactly', async () => {
    const { corpus, sentences } = setup();
    const plain = await stance(['sentences', '--corpus', corpus]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n').map((l) => l.replace(/:[0-9a-f]{10}/, ':#'))).toEqual([
      'd00:#\t# Piece 0',
      'd00:#\tClaim 1 of piece 0 is here.',
      'd00:#\tClaim 2 of piece 0 is here.',
      'd01:#\t# Piece 1',
      'd01:#\tClaim 1 of piece 1 is here.',
      'd01:#\tClaim 2 of piece 1 is red.',
      '',
    ]);
    const jsonl = await stance(['sentences', '--corpus', corpus, '--jsonl', '--doc', 'd01']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(sentences.slice(3).map((s) => ({ id: s.id, docId: s.docId, index: s.index, text: s.text })));
    expect(JSON.parse(jsonl.stdout.trim().split('\n')[2]!).text).toContain('\u001b[31m');
  });

  it('--unlabelled leaves out sentences with a current label (anyone’s, or --annotator’s); a stale label does not count', async () => {
    const { corpus, sentences: s } = setup();
    writeLogs(corpus, {
      ana: [labelEvent('ana', s[0]!, 'skip'), labelEvent('ana', { ...s[1]!, text: 'An older text.' }, 'fact')],
      ben: [labelEvent('ben', s[2]!, 'fact')],
    });
    const ids = async (args: string[]) =>
      (await stance(['sentences', '--corpus', corpus, '--jsonl', ...args])).stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id);
    expect(await ids(['--unlabelled'])).toEqual(
      s
        .slice(1, 2)
        .concat(s.slice(3))
        .map((x) => x.id),
    );
    expect(await ids(['--unlabelled', '--annotator', 'ana'])).toEqual(s.slice(1).map((x) => x.id));
    expect(await ids(['--unlabelled', '--annotator', 'chloe'])).toEqual(s.map((x) => x.id));
  });

  it('--assigned lists the documents assignments.json gives an annotator', async () => {
    const { corpus, sentences: s } = setup();
    const none = await stance(['sentences', '--corpus', corpus, '--assigned', 'ana']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`stance: ${corpus}: --assigned needs assignments.json; make one with \`stance assign\`\n`);
    writeFileSync(
      join(corpus, 'assignments.json'),
      JSON.stringify({ version: 1, seed: 0, overlap: [], annotators: { ana: ['d01'], ben: ['d00'] } }),
    );
    const r = await stance(['sentences', '--corpus', corpus, '--assigned', 'ana', '--jsonl']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(s.slice(3).map((x) => x.id));
    const unknown = await stance(['sentences', '--corpus', corpus, '--assigned', 'cy']);
    expect(unknown.stderr).toBe(`stance: ${corpus}: cy has no documents in assignments.json\n`);
  });

  it('round trip: list the unlabelled sentences, label them elsewhere, bring them in with stance import', async () => {
    const { corpus } = setup();
    const todo = await stance(['sentences', '--corpus', corpus, '--unlabelled', '--annotator', 'ana', '--jsonl']);
    const labelled = todo.stdout
      .trim()
      .split('\n')
      .map((l) => ({ ...JSON.parse(l), label: JSON.parse(l).index === 0 ? 'skip' : 'fact' }));
    const file = join(corpus, '..', 'labelled.jsonl');
    writeFileSync(file, labelled.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const imported = await stance(['import', file, '--corpus', corpus, '--annotator', 'ana']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^ana: 6 labels imported, 0 unchanged/);
    const left = await stance(['sentences', '--corpus', corpus, '--unlabelled', '--annotator', 'ana']);
    expect(left.stdout).toBe('');
  });

  it.each([
    [['--doc', 'nope'], 'no document "nope" in the corpus'],
    [['--annotator', 'ana'], '--annotator goes with --unlabelled'],
    [['--unlabelled', '--annotator', 'a/b'], '--annotator: "a/b" is not a valid annotator name'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const { corpus } = setup();
    const r = await stance(['sentences', '--corpus', corpus, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
