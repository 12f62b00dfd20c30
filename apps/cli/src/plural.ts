/** `1 label`, `2 labels`: a count and its noun, in the number the count asks for. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
