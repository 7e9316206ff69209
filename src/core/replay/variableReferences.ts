// DAP variablesReference numbers for one replay: each container handed out gets the next number the first time it is
// shown, and the same number after that, so the Variables view can reopen what it had open. 0 means "no children".
import type { VariableNode } from '../variables/variableTree';

export class VariableReferences {
  private readonly byReference = new Map<number, readonly VariableNode[]>();
  private readonly byChildren = new Map<readonly VariableNode[], number>();
  private next = 1;

  /** The reference of a list of variables (a scope's or a container's children); 0 for an empty list. */
  referenceOf(children: readonly VariableNode[]): number {
    if (children.length === 0) return 0;
    const known = this.byChildren.get(children);
    if (known !== undefined) return known;
    const reference = this.next++;
    this.byReference.set(reference, children);
    this.byChildren.set(children, reference);
    return reference;
  }

  /** The variables a reference stands for; undefined for a number this replay never handed out. */
  childrenOf(reference: number): readonly VariableNode[] | undefined {
    return this.byReference.get(reference);
  }
}
