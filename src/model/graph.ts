/** Dependency graphs: topological order and cycle detection, iterative so 10,000-deep chains are fine. */

/** A topological order of the nodes, and each cycle found (as a path that returns to its start). */
export function topologicalOrder(nodes: readonly string[], deps: ReadonlyMap<string, readonly string[]>): { order: string[]; cycles: string[][] } {
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const order: string[] = [];
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    const path: string[] = [start];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const ds = deps.get(top.node) ?? [];
      if (top.next < ds.length) {
        const d = ds[top.next++]!;
        const s = state.get(d);
        if (s === undefined && deps.has(d)) {
          state.set(d, 1);
          stack.push({ node: d, next: 0 });
          path.push(d);
        } else if (s === 1) {
          const cycle = [...path.slice(path.indexOf(d)), d];
          if (!cycle.some((c) => inCycle.has(c))) {
            cycles.push(cycle);
            for (const c of cycle) inCycle.add(c);
          }
        }
      } else {
        state.set(top.node, 2);
        order.push(top.node);
        stack.pop();
        path.pop();
      }
    }
  }
  return { order, cycles };
}
