import { describe, expect, it } from 'vitest';
import { mapLabels, parseItems, parseModelSpecs, parseTrainOptions, passesTenth, progressLine } from '../src/index.ts';

describe('parseItems', () => {
  it('reads {"id","text","label","doc"?} lines; a numeric id becomes its string, an empty doc none', () => {
    const text = [
      '{"id":"a","text":"One.","label":"fact","doc":"d1"}',
      '',
      '{"id":7,"text":"Two.","label":"opinion","doc":null}',
      '{"id":"c","text":"Three.","label":"quote","doc":""}',
    ].join('\n');
    expect(parseItems(text, 'f.jsonl')).toEqual([
      { id: 'a', text: 'One.', label: 'fact', doc: 'd1' },
      { id: '7', text: 'Two.', label: 'opinion' },
      { id: 'c', text: 'Three.', label: 'quote' },
    ]);
  });

  it('reads corpus gold lines: the sentence id is the id and names the document', () => {
    const line = '{"sentence":"city-budget:14c520ce7a","textHash":"14c520ce7a18be47","label":"skip","text":"# Title"}';
    expect(parseItems(line, 'gold.jsonl')).toEqual([
      { id: 'city-budget:14c520ce7a', text: '# Title', label: 'skip', doc: 'city-budget' },
    ]);
  });

  it('names the file and line of a bad line', () => {
    expect(() => parseItems('{"id":"a","text":"x","label":"fact"}\n{"id":"b","label":"fact"}', 'f.jsonl')).toThrow(
      expect.objectContaining({ where: 'f.jsonl:2', message: 'missing "text" (string)' }),
    );
    expect(() => parseItems('{"id":"a","text":"x","label":"fact","doc":3}', 'f.jsonl')).toThrow(
      '"doc" must be a string',
    );
  });

  it('refuses a repeated id, since external models answer by id', () => {
    expect(() => parseItems('{"id":"a","text":"x","label":"f"}\n{"id":"a","text":"y","label":"g"}', 'f.jsonl')).toThrow(
      'id "a" appears twice',
    );
  });

  it('renames labels with a map, leaving others', () => {
    const items = parseItems('{"id":"a","text":"x","label":"SUBJ"}\n{"id":"b","text":"y","label":"N"}', 'f');
    expect(mapLabels(items, new Map([['SUBJ', 'opinion']])).map((i) => i.label)).toEqual(['opinion', 'N']);
  });
});

describe('parseModelSpecs', () => {
  it('knows the built-ins, cmd: programs and saved model paths; default is the four built-ins', () => {
    expect(parseModelSpecs(['nb', 'hybrid', 'cmd: python m.py ', 'models/lr.json'])).toEqual([
      { kind: 'nb', name: 'nb' },
      { kind: 'hybrid', name: 'hybrid' },
      { kind: 'cmd', name: 'cmd:python m.py', command: 'python m.py' },
      { kind: 'saved', name: 'models/lr.json', path: 'models/lr.json' },
    ]);
    expect(parseModelSpecs([]).map((m) => m.name)).toEqual(['majority', 'rules', 'nb', 'logreg']);
    expect(() => parseModelSpecs(['cmd:'])).toThrow('--model cmd: needs a program');
  });
});

describe('parseTrainOptions (nb:… and logreg:…)', () => {
  it('reads numbers, booleans and character n-gram ranges into training options', () => {
    expect(parseModelSpecs(['logreg:l2=0.03,nbScale=false,char=off,wordNgrams=1'])[0]).toEqual({
      kind: 'logreg',
      name: 'logreg:l2=0.03,nbScale=false,char=off,wordNgrams=1',
      options: { l2: 0.03, nbScale: false, features: { charNgrams: null, wordNgrams: 1 } },
    });
    expect(parseModelSpecs(['hybrid:denseL2=0.001,denseWeight=0.6'])[0]).toEqual({
      kind: 'hybrid',
      name: 'hybrid:denseL2=0.001,denseWeight=0.6',
      options: { denseL2: 0.001, denseWeight: 0.6 },
    });
    expect(parseTrainOptions('alpha=0.1,char=2-4,stems=true', 'nb:x')).toEqual({
      alpha: 0.1,
      features: { charNgrams: [2, 4], stems: true },
    });
  });
  it('refuses unknown keys and bad values, naming the model', () => {
    expect(() => parseTrainOptions('beta=1', 'nb:beta=1')).toThrow(
      '--model nb:beta=1: unknown option "beta"; known: alpha',
    );
    expect(() => parseTrainOptions('alpha=lots', 'nb:alpha=lots')).toThrow('alpha takes a number, got "lots"');
    expect(() => parseTrainOptions('char=5-2', 'nb:char=5-2')).toThrow('char takes MIN-MAX (e.g. 2-5) or off');
    expect(() => parseTrainOptions('stems=yes', 'nb:stems=yes')).toThrow('stems takes true or false');
  });
});

describe('progressLine', () => {
  it('draws a bar of the share done', () => {
    expect(progressLine(3, 12, 'nb (fold 2 of 3)', 12)).toBe('[###·········] 3/12 nb (fold 2 of 3)');
    expect(progressLine(12, 12, 'scores', 4)).toBe('[####] 12/12 scores');
  });

  it('passesTenth picks one count per tenth, the last one included', () => {
    const at = (total: number) => Array.from({ length: total }, (_, i) => i + 1).filter((d) => passesTenth(d, total));
    expect(at(1000)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(at(1234)).toEqual([124, 247, 371, 494, 617, 741, 864, 988, 1111, 1234]);
    expect(at(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
