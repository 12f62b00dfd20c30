// Which rules earn their place, and does a rule's gain hold on both halves of the dev documents? For each stop rule
// and token rule, the boundary F1 change when that rule alone is switched off, on EWT dev (even and odd documents apart)
// and GUM dev. A rule tuned to one document's quirks shows its gain on one half only.
//   pnpm exec tsx packages/text/bench/rule-ablation.ts
import { segment } from '../src/index.ts';
import { STOP_RULES, type StopRule, TOKEN_RULES, type TokenRule } from '../src/rules/index.ts';
import { splitAfterAddress } from '../src/rules/split-after-address.ts';
import { splitAfterSalutation } from '../src/rules/split-after-salutation.ts';
import { splitAroundSeparator } from '../src/rules/split-around-separator.ts';
import { splitAroundTimestamp } from '../src/rules/split-around-timestamp.ts';
import { splitBeforeInlineList } from '../src/rules/split-before-inline-list.ts';
import { boundaryScore, readUdDocs, type UdDoc } from './boundary-f1.ts';

const ewt = readUdDocs('ud-ewt-dev-docs.json');
const sets: [string, UdDoc[]][] = [
  ['EWT even', ewt.filter((_, i) => i % 2 === 0)],
  ['EWT odd', ewt.filter((_, i) => i % 2 === 1)],
  ['GUM', readUdDocs('ud-gum-dev-docs.json')],
];
const split = (t: string) => segment(t).map((s) => s.text);
const f1s = () => sets.map(([, docs]) => boundaryScore(docs, split).f1);
const base = f1s();
const fmt = (d: number) => `${d >= 0 ? '+' : ''}${(d * 100).toFixed(2)}`.padStart(8);

console.log(`F1 with every rule: ${sets.map(([name], k) => `${name} ${base[k]?.toFixed(4)}`).join(', ')}`);
console.log(
  `Gain of each rule (F1 points lost when it alone is off):\n  ${'rule'.padEnd(26)}${sets.map(([n]) => n.padStart(9)).join('')}`,
);
const report = (name: string, off: () => () => void) => {
  const restore = off();
  const f = f1s();
  restore();
  console.log(`  ${name.padEnd(26)}${f.map((x, k) => fmt((base[k] ?? 0) - x).padStart(9)).join('')}`);
};
// The rule lists are read-only to the package; this script swaps an entry for a no-op and puts it back.
const stops = STOP_RULES as StopRule[];
for (let k = 0; k < stops.length; k++) {
  const rule = stops[k] as StopRule;
  report(rule.name, () => {
    stops[k] = () => undefined;
    return () => {
      stops[k] = rule;
    };
  });
}
const names = new Map<TokenRule, string>(
  Object.entries({
    splitAroundTimestamp,
    splitAfterAddress,
    splitAfterSalutation,
    splitAroundSeparator,
    splitBeforeInlineList,
  }).map(([name, rule]) => [rule, name]),
);
for (const rule of TOKEN_RULES) {
  const decide = rule.decide;
  report(names.get(rule) ?? 'token rule', () => {
    rule.decide = () => undefined;
    return () => {
      rule.decide = decide;
    };
  });
}
