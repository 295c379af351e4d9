/** Dependency graphs: topological order and cycle detection, iterative so 10,000-deep chains are fine. */

/**
 * A topological order of the nodes (numbers below `size`), and each cycle found (as a path
 * that returns to its start). `deps(n)` is undefined for a number that is no node.
 */
export function topologicalOrder(nodes: readonly number[], deps: (n: number) => readonly number[] | undefined, size: number): { order: number[]; cycles: number[][] } {
  const ON_STACK = 1;
  const DONE = 2;
  const state = new Uint8Array(size);
  const inCycle = new Uint8Array(size);
  const order: number[] = [];
  const cycles: number[][] = [];
  // The depth-first path: node and next dependency index, in two parallel stacks.
  const path: number[] = [];
  const next: number[] = [];
  for (const start of nodes) {
    if (state[start] !== 0) continue;
    path.push(start);
    next.push(0);
    state[start] = ON_STACK;
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      const ds = deps(node) ?? [];
      if (next[top]! < ds.length) {
        const d = ds[next[top]!++]!;
        if (state[d] === 0 && deps(d) !== undefined) {
          state[d] = ON_STACK;
          path.push(d);
          next.push(0);
        } else if (state[d] === ON_STACK) {
          const cycle = [...path.slice(path.indexOf(d)), d];
          if (!cycle.some((c) => inCycle[c])) {
            cycles.push(cycle);
            for (const c of cycle) inCycle[c] = 1;
          }
        }
      } else {
        state[node] = DONE;
        order.push(node);
        path.pop();
        next.pop();
      }
    }
  }
  return { order, cycles };
}
