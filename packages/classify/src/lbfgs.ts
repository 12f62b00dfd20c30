/** Limits for the L-BFGS optimiser. */
export interface LbfgsOptions {
  /** @default 200 */
  maxIterations: number;
  /** Stop when the gradient's max-norm falls below this. @default 1e-5 */
  tolerance: number;
  /**
   * Also stop when the gradient's length falls below this share of its length at the start (liblinear's criterion;
   * liblinear uses 0.01). @default 0 (off)
   */
  relativeTolerance: number;
  /** Number of correction pairs kept. @default 10 */
  memory: number;
  /**
   * A diagonal estimate of the inverse Hessian (one positive number per coordinate), used as the initial matrix of the
   * two-loop recursion, rescaled each step by the latest pair's curvature. Without it the initial matrix is a multiple
   * of the identity. @default none
   */
  preconditioner?: Float64Array;
}

/** Dot product of two vectors of the same length. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** `y += a * x`. */
function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += a * x[i]!;
}

/**
 * Minimise a smooth convex function with L-BFGS and a backtracking (Armijo) line search. Deterministic: same start,
 * same steps. Hand-written because no maintained npm package offers a small typed L-BFGS over Float64Array.
 *
 * Every vector is allocated once (the correction pairs live in a ring): with a million weights, allocating a handful
 * of vectors per iteration cost as much time in the garbage collector as the two-loop recursion itself.
 */
export function minimizeLbfgs(
  f: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  options: Partial<LbfgsOptions> = {},
): Float64Array {
  const { maxIterations = 200, tolerance = 1e-5, relativeTolerance = 0, memory = 10, preconditioner: d } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const q = new Float64Array(n);
  const S = Array.from({ length: memory }, () => new Float64Array(n));
  const Y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let pairs = 0; // correction pairs held
  let newest = -1; // ring index of the newest pair
  let fx = f(x, g);
  const startLength = Math.sqrt(dot(g, g));
  for (let iter = 0; iter < maxIterations; iter++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax < tolerance || Math.sqrt(dot(g, g)) <= relativeTolerance * startLength) break;
    // Two-loop recursion: q = -H g.
    q.set(g);
    for (let c = 0; c < pairs; c++) {
      const k = (newest - c + memory) % memory;
      const a = rho[k]! * dot(S[k]!, q);
      alpha[k] = a;
      axpy(-a, Y[k]!, q);
    }
    if (d) {
      // H0 = γ·D with γ = sᵀy / yᵀDy, the scaling that makes H0 agree with the latest pair along y.
      let gamma = 1;
      if (pairs > 0) {
        const y = Y[newest]!;
        let ydy = 0;
        for (let i = 0; i < n; i++) ydy += y[i]! * y[i]! * d[i]!;
        gamma = 1 / (rho[newest]! * ydy);
      }
      for (let i = 0; i < n; i++) q[i]! *= gamma * d[i]!;
    } else {
      const gamma = pairs > 0 ? 1 / (rho[newest]! * dot(Y[newest]!, Y[newest]!)) : 1 / Math.max(gmax, 1);
      for (let i = 0; i < n; i++) q[i]! *= gamma;
    }
    for (let c = pairs - 1; c >= 0; c--) {
      const k = (newest - c + memory) % memory;
      const b = rho[k]! * dot(Y[k]!, q);
      axpy(alpha[k]! - b, S[k]!, q);
    }
    for (let i = 0; i < n; i++) q[i] = -q[i]!;
    let slope = dot(g, q);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      pairs = 0;
      for (let i = 0; i < n; i++) q[i] = -g[i]!;
      slope = dot(g, q);
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * q[i]!;
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    // The new pair is kept only when the curvature is positive; it then takes the oldest pair's place in the ring.
    let sy = 0;
    for (let i = 0; i < n; i++) sy += (xNew[i]! - x[i]!) * (gNew[i]! - g[i]!);
    if (sy > 1e-12) {
      const k = (newest + 1) % memory;
      const s = S[k]!;
      const yv = Y[k]!;
      for (let i = 0; i < n; i++) {
        s[i] = xNew[i]! - x[i]!;
        yv[i] = gNew[i]! - g[i]!;
      }
      rho[k] = 1 / sy;
      newest = k;
      pairs = Math.min(pairs + 1, memory);
    }
    const improvement = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (improvement < 1e-10 * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}
