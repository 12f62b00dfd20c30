import { describe, expect, it } from 'vitest';
import { ROOT, runStance } from './helpers/run-stance.ts';

describe('issue 11.8: an unknown --model is a usage error that lists the names there are', { timeout: 120_000 }, () => {
  it('bench --model foo: exit 2 before anything runs, naming the built-in models', () => {
    const r = runStance(['bench', '--data', 'corpus/gold.jsonl', '--cv', '2', '--model', 'rules', '--model', 'foo'], {
      cwd: ROOT,
    });
    expect(r.stderr).toBe(
      'stance: unknown model "foo": not a built-in model (majority, rules, nb, logreg, default, hybrid), not cmd:PROGRAM, and no such file\n',
    );
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });

  it.each([['classify'], ['analyze', 'corpus/sources/economy-rent-cap-op-ed.md']])(
    '%s --model foo: exit 2 naming rules and the trained kinds',
    (...args) => {
      const r = runStance([...args, '--model', 'foo'], { cwd: ROOT, input: '' });
      expect(r.stderr).toBe(
        'stance: unknown model "foo": not a built-in model and no such file; give default, rules, or a model file made by `stance train --model nb|logreg|hybrid`\n',
      );
      expect(r.status).toBe(2);
    },
  );
});
