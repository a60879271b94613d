import type { ReactElement, ReactNode } from 'react';

export type ElementProps = Record<string, unknown> & { id?: string; children?: ReactNode };

// The props of the element with this id in the tree a component returns (its event handlers
// included, which static markup leaves out); null when no element has it.
export function elementById(node: ReactNode, id: string): ElementProps | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = elementById(child as ReactNode, id);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object' || !('props' in node)) return null;
  const props = (node as ReactElement<ElementProps>).props;
  if (props.id === id) return props;
  return elementById(props.children, id);
}
