import { minimizeLbfgs } from './lbfgs.ts';
import type { SentenceRows } from './sparse.ts';

/** Weights of a multinomial (softmax) logistic regression: `weights[k][j]` and `bias[k]`. */
export interface LogisticParams {
  weights: number[][];
  bias: number[];
  /** Per-feature input scale (NB weighting), when trained with `nbScale`. */
  scale?: number[];
}

/**
 * Features that are present in exactly the same training rows (`of[j]` = group of feature j, `count` groups). Such
 * features also have the same NB scale, so the L2-penalised optimum gives them equal weights (the objective is
 * symmetric in them and strictly convex); fitting one number per group finds the same optimum. Character n-grams of a
 * rare word and the words of a one-off phrase come in such groups: on the bench data there are ~3× fewer groups than
 * features.
 */
export interface FeatureGroups {
  of: Int32Array;
  count: number;
}

/** Training settings for logistic regression. */
export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per training example. @default 3e-3 (see TrainOptions) */
  l2: number;
  /** Weight classes by inverse frequency so a minority class is not drowned. @default true */
  balanced: boolean;
  /** L-BFGS iterations. @default 300 */
  maxIterations: number;
  /** Scale features by naive Bayes log-count ratios first (NBSVM). @default true */
  nbScale: boolean;
}

/** Per-class weight of each example: inverse class frequency when balanced, else 1. */
function classWeights(y: ArrayLike<number>, classes: number, balanced: boolean): Float64Array {
  const counts = new Float64Array(classes);
  for (let i = 0; i < y.length; i++) counts[y[i]!]! += 1;
  return counts.map((c) => (balanced && c > 0 ? y.length / (classes * c) : 1));
}

/** Split the optimiser's vector (feature-major weights `x[j * classes + k]`, then one bias per class) into params. */
function toParams(x: Float64Array, classes: number, dims: number): LogisticParams {
  const weights: number[][] = [];
  for (let k = 0; k < classes; k++) {
    const w = new Array<number>(dims);
    for (let j = 0; j < dims; j++) w[j] = x[j * classes + k]!;
    weights.push(w);
  }
  return { weights, bias: Array.from(x.subarray(dims * classes)) };
}

/**
 * `z[k] = Σ w[index[p] * K + k]` over one row's entries. Unrolled for 2, 3 and 4 classes: V8 does not unroll the
 * inner loop over classes, and the unrolled form ran 5× faster on 20,000 rows (the optimiser spends most of its time
 * here and in scatter; prediction uses it too).
 */
export function gather(index: Int32Array, from: number, to: number, w: Float64Array, K: number, z: Float64Array): void {
  if (K === 2) {
    let z0 = 0;
    let z1 = 0;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 2;
      z0 += w[b]!;
      z1 += w[b + 1]!;
    }
    z[0] = z0;
    z[1] = z1;
  } else if (K === 3) {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 3;
      z0 += w[b]!;
      z1 += w[b + 1]!;
      z2 += w[b + 2]!;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
  } else if (K === 4) {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 4;
      z0 += w[b]!;
      z1 += w[b + 1]!;
      z2 += w[b + 2]!;
      z3 += w[b + 3]!;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
  } else {
    z.fill(0);
    for (let p = from; p < to; p++) {
      const b = index[p]! * K;
      for (let k = 0; k < K; k++) z[k]! += w[b + k]!;
    }
  }
}

/** `g[index[p] * K + k] += d[k]` over one row's entries (see gather). */
function scatter(index: Int32Array, from: number, to: number, g: Float64Array, K: number, d: Float64Array): void {
  if (K === 2) {
    const d0 = d[0]!;
    const d1 = d[1]!;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 2;
      g[b]! += d0;
      g[b + 1]! += d1;
    }
  } else if (K === 3) {
    const d0 = d[0]!;
    const d1 = d[1]!;
    const d2 = d[2]!;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 3;
      g[b]! += d0;
      g[b + 1]! += d1;
      g[b + 2]! += d2;
    }
  } else if (K === 4) {
    const d0 = d[0]!;
    const d1 = d[1]!;
    const d2 = d[2]!;
    const d3 = d[3]!;
    for (let p = from; p < to; p++) {
      const b = index[p]! * 4;
      g[b]! += d0;
      g[b + 1]! += d1;
      g[b + 2]! += d2;
      g[b + 3]! += d3;
    }
  } else
    for (let p = from; p < to; p++) {
      const b = index[p]! * K;
      for (let k = 0; k < K; k++) g[b + k]! += d[k]!;
    }
}

/**
 * A diagonal estimate of the inverse Hessian of fitLogistic's objective, for L-BFGS's initial matrix: coordinate (g, k)
 * has curvature about l2 + c·Σ_r weight_r·(rowScale_r·factor_g)² over the rows holding group g (a binary feature's
 * squared value, times the softmax's p(1 − p), folded into c). Frequent features (cues, common n-grams) curve far more
 * than rare ones, and a multiple of the identity treats them alike. With c = 0.05 (and the per-step rescaling in
 * minimizeLbfgs) L-BFGS took 13, 16 and 13 passes instead of 28, 18 and 27 on CheckThat, PolNeAR and the 50,000-sentence
 * bench data, the same macro-F1 to 4 decimals; it never took more than one pass more over L2 1e-3 to 3e-2.
 * `rows` must already be renumbered to groups (fitLogistic does that).
 */
function diagonalPreconditioner(
  rows: SentenceRows,
  rowScale: Float64Array,
  classWeight: Float64Array,
  y: ArrayLike<number>,
  factor: Float64Array,
  l2: number,
  K: number,
): Float64Array {
  const { start, tokensAt, repeatedAt, index, tokenStart, tokenIndex } = rows;
  const G = factor.length;
  const m = rows.rows;
  const c = 0.05;
  const sum = new Float64Array(G);
  const tokenSum = new Float64Array(tokenStart.length - 1);
  for (let r = 0; r < m; r++) {
    const v = (rowScale[r]! * rowScale[r]! * classWeight[y[r]!]!) / m;
    for (let p = start[r]!; p < tokensAt[r]!; p++) sum[index[p]!]! += v;
    for (let p = tokensAt[r]!; p < repeatedAt[r]!; p++) tokenSum[index[p]!]! += v;
    for (let p = repeatedAt[r]!; p < start[r + 1]!; p++) sum[index[p]!]! -= v;
  }
  for (let t = 0; t < tokenSum.length; t++)
    for (let p = tokenStart[t]!; p < tokenStart[t + 1]!; p++) sum[tokenIndex[p]!]! += tokenSum[t]!;
  const d = new Float64Array(G * K + K);
  for (let g = 0; g < G; g++) {
    const inverse = 1 / (l2 + c * Math.max(0, sum[g]!) * factor[g]! * factor[g]!);
    for (let k = 0; k < K; k++) d[g * K + k] = inverse;
  }
  // The biases: unpenalised, each sees every row (weights averaging to about 1).
  for (let k = 0; k < K; k++) d[G * K + k] = 1 / c;
  return d;
}

/** Numbers 0 .. n-1 ordered by `key` descending (ties by number), as a renumbering: `order[old] = new`. */
function byFrequency(key: Float64Array | Int32Array): Int32Array {
  const ids = Int32Array.from({ length: key.length }, (_, i) => i);
  ids.sort((a, b) => key[b]! - key[a]! || a - b);
  const order = new Int32Array(key.length);
  for (let i = 0; i < ids.length; i++) order[ids[i]!] = i;
  return order;
}

/**
 * Fit softmax regression with an L2 penalty over binary sparse rows: row r's features each have value
 * `featureScale[j] * rowScale[r]` (NB scaling, then unit length). Deterministic, no learning rate to tune.
 * Hand-written because natural's LogisticRegressionClassifier did not finish 1,049 sentences in 5 minutes.
 *
 * How it is made fast (each measured on the 100,000-sentence bench, `pnpm bench:evaluate`):
 * - Rows are factored (SentenceRows): each pass first sums every token's weights once, so a sentence costs its ~90
 *   direct, token and repeated entries instead of its ~375 features; the gradient flows back the same way.
 * - It fits one number per group of features present in the same rows (FeatureGroups), ~3× fewer than features:
 *   the rows are renumbered to groups in place (so `rows` is consumed), and weights per group are class-major
 *   side by side (`x[g * classes + k]`), so one index read serves every class.
 * - Groups and tokens are numbered by how often they occur, so the weights most rows read share a few cache lines:
 *   the passes are bound by memory latency, not arithmetic.
 */
export function fitLogistic(
  rows: SentenceRows,
  rowScale: Float64Array,
  featureScale: Float64Array | null,
  y: ArrayLike<number>,
  classes: number,
  dims: number,
  options: LogisticOptions,
  groups: FeatureGroups = { of: Int32Array.from({ length: dims }, (_, j) => j), count: dims },
): LogisticParams {
  const m = rows.rows;
  const K = classes;
  const cw = classWeights(y, K, options.balanced);
  const { start, tokensAt, repeatedAt, index } = rows;
  const G = groups.count;
  const T = rows.tokenStart.length - 1;
  // Group sizes and how often each group and token is read, then both renumbered by that, most read first.
  const size = new Float64Array(G);
  for (let j = 0; j < dims; j++) size[groups.of[j]!]! += 1;
  const groupReads = new Float64Array(G);
  const tokenReads = new Float64Array(T);
  for (let r = 0; r < m; r++) {
    for (let p = start[r]!; p < tokensAt[r]!; p++) groupReads[groups.of[index[p]!]!]! += 1;
    for (let p = tokensAt[r]!; p < repeatedAt[r]!; p++) tokenReads[index[p]!]! += 1;
    for (let p = repeatedAt[r]!; p < start[r + 1]!; p++) groupReads[groups.of[index[p]!]!]! += 1;
  }
  for (let t = 0; t < T; t++)
    for (let p = rows.tokenStart[t]!; p < rows.tokenStart[t + 1]!; p++)
      groupReads[groups.of[rows.tokenIndex[p]!]!]! += tokenReads[t]!;
  const groupOrder = byFrequency(groupReads);
  const tokenOrder = byFrequency(tokenReads);
  const featureGroup = new Int32Array(dims);
  for (let j = 0; j < dims; j++) featureGroup[j] = groupOrder[groups.of[j]!]!;
  for (let r = 0; r < m; r++) {
    for (let p = start[r]!; p < tokensAt[r]!; p++) index[p] = featureGroup[index[p]!]!;
    for (let p = tokensAt[r]!; p < repeatedAt[r]!; p++) index[p] = tokenOrder[index[p]!]!;
    for (let p = repeatedAt[r]!; p < start[r + 1]!; p++) index[p] = featureGroup[index[p]!]!;
  }
  const tokenStart = new Float64Array(T + 1);
  const tokenIndex = new Int32Array(rows.tokenIndex.length);
  {
    const byNew = new Int32Array(T);
    for (let t = 0; t < T; t++) byNew[tokenOrder[t]!] = t;
    let at = 0;
    for (let u = 0; u < T; u++) {
      const t = byNew[u]!;
      for (let p = rows.tokenStart[t]!; p < rows.tokenStart[t + 1]!; p++)
        tokenIndex[at++] = featureGroup[rows.tokenIndex[p]!]!;
      tokenStart[u + 1] = at;
    }
  }
  // A group's features share one NB scale (same rows, so same class counts); its coordinate over √size is their
  // weight. That parameterisation is an isometry onto "equal weights within each group", so L-BFGS takes the same
  // steps it would over every feature, on fewer numbers.
  const factor = new Float64Array(G);
  const groupSize = new Float64Array(G);
  for (let j = 0; j < dims; j++) {
    const g = featureGroup[j]!;
    groupSize[g] = size[groups.of[j]!]!;
    factor[g] = (featureScale ? featureScale[j]! : 1) / Math.sqrt(groupSize[g]!);
  }
  const eff = new Float64Array(G * K);
  const tokenW = new Float64Array(T * K);
  const tokenG = new Float64Array(T * K);
  const z = new Float64Array(K);
  const part = new Float64Array(K);
  const biasAt = G * K;
  const objective = (x: Float64Array, grad: Float64Array): number => {
    for (let g = 0; g < G; g++) {
      const f = factor[g]!;
      for (let k = 0; k < K; k++) eff[g * K + k] = x[g * K + k]! * f;
    }
    for (let t = 0; t < T; t++) {
      gather(tokenIndex, tokenStart[t]!, tokenStart[t + 1]!, eff, K, part);
      for (let k = 0; k < K; k++) tokenW[t * K + k] = part[k]!;
    }
    tokenG.fill(0);
    grad.fill(0);
    let loss = 0;
    for (let r = 0; r < m; r++) {
      const from = start[r]!;
      const tAt = tokensAt[r]!;
      const rAt = repeatedAt[r]!;
      const to = start[r + 1]!;
      gather(index, from, tAt, eff, K, z);
      gather(index, tAt, rAt, tokenW, K, part);
      for (let k = 0; k < K; k++) z[k]! += part[k]!;
      gather(index, rAt, to, eff, K, part);
      const s = rowScale[r]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        const v = x[biasAt + k]! + s * (z[k]! - part[k]!);
        z[k] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(z[k]! - max);
        z[k] = e;
        sum += e;
      }
      const target = y[r]!;
      const w = cw[target]!;
      loss -= w * Math.log(z[target]! / sum);
      for (let k = 0; k < K; k++) {
        const d = (w * (z[k]! / sum - (k === target ? 1 : 0))) / m;
        grad[biasAt + k]! += d;
        z[k] = d * s;
        part[k] = -d * s;
      }
      scatter(index, from, tAt, grad, K, z);
      scatter(index, tAt, rAt, tokenG, K, z);
      scatter(index, rAt, to, grad, K, part);
    }
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < K; k++) part[k] = tokenG[t * K + k]!;
      scatter(tokenIndex, tokenStart[t]!, tokenStart[t + 1]!, grad, K, part);
    }
    loss /= m;
    // ½·l2·Σ w² over features is ½·l2·Σ x² over group coordinates (the isometry above).
    for (let g = 0; g < G; g++) {
      const f = factor[g]!;
      for (let k = 0; k < K; k++) {
        const at = g * K + k;
        const v = x[at]!;
        loss += 0.5 * options.l2 * v * v;
        grad[at] = grad[at]! * f + options.l2 * v;
      }
    }
    return loss;
  };
  // Stopping at a gradient 1/1000 of its starting length ends ~15% sooner than at max-norm 1e-5 and gave the same
  // macro-F1 to 4 decimals on CheckThat dev_test, PolNeAR dev and the 50,000-sentence bench data.
  const x = minimizeLbfgs(objective, new Float64Array(G * K + K), {
    maxIterations: options.maxIterations,
    relativeTolerance: 1e-3,
    preconditioner: diagonalPreconditioner({ ...rows, tokenStart, tokenIndex }, rowScale, cw, y, factor, options.l2, K),
  });
  const weights: number[][] = [];
  for (let k = 0; k < K; k++) {
    const w = new Array<number>(dims);
    for (let j = 0; j < dims; j++) {
      const g = featureGroup[j]!;
      w[j] = x[g * K + k]! / Math.sqrt(groupSize[g]!);
    }
    weights.push(w);
  }
  return { weights, bias: Array.from(x.subarray(biasAt)) };
}

/** Fit softmax regression with an L2 penalty over dense vectors (sentence embeddings), as fitLogistic. */
export function fitLogisticDense(
  vectors: readonly Float32Array[],
  y: ArrayLike<number>,
  classes: number,
  dims: number,
  options: LogisticOptions,
): LogisticParams {
  const m = vectors.length;
  const K = classes;
  const cw = classWeights(y, K, options.balanced);
  const z = new Float64Array(K);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    const biasAt = dims * K;
    let loss = 0;
    for (let r = 0; r < m; r++) {
      const v = vectors[r]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        let t = x[biasAt + k]!;
        for (let j = 0; j < dims; j++) t += x[j * K + k]! * v[j]!;
        z[k] = t;
        if (t > max) max = t;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      const target = y[r]!;
      const w = cw[target]!;
      loss -= w * Math.log(z[target]! / sum);
      for (let k = 0; k < K; k++) {
        const d = (w * (z[k]! / sum - (k === target ? 1 : 0))) / m;
        grad[biasAt + k]! += d;
        for (let j = 0; j < dims; j++) grad[j * K + k]! += d * v[j]!;
      }
    }
    loss /= m;
    for (let i = 0; i < dims * K; i++) {
      loss += 0.5 * options.l2 * x[i]! * x[i]!;
      grad[i]! += options.l2 * x[i]!;
    }
    return loss;
  };
  const x = minimizeLbfgs(objective, new Float64Array(dims * K + K), { maxIterations: options.maxIterations });
  return toParams(x, K, dims);
}
