// The one place the bench touches `natural`, for the speed peer only: a deep import, because `import 'natural'` loads
// database drivers and prints to stdout. createRequire because natural is CommonJS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface NaturalBayes {
  addDocument(text: string, label: string): void;
  train(): void;
  classify(text: string): string;
}

const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js') as new () => NaturalBayes;

/** natural's BayesClassifier trained on labelled texts; returns a function that labels one text. */
export function naturalBayes(examples: readonly { text: string; label: string }[]): (text: string) => string {
  const classifier = new BayesClassifier();
  for (const e of examples) classifier.addDocument(e.text, e.label);
  classifier.train();
  return (text) => classifier.classify(text);
}
