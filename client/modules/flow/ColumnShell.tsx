import type { ReactNode, Ref } from 'react';
import type { ColumnDecor } from './model.js';

export interface ColumnShellProps {
  column: string;
  index: number;
  decor?: ColumnDecor | undefined;
  /** Shown next to the column's name (a count). */
  extra?: ReactNode;
  children?: ReactNode;
  dropRef?: Ref<HTMLElement> | undefined;
  over?: boolean;
}

/** One column of a flow board, named, with the module's mark (never colour alone). */
export function ColumnShell({ column, index, decor, extra, children, dropRef, over }: ColumnShellProps) {
  return (
    <section
      ref={dropRef as Ref<HTMLElement>}
      className={`flow-column ${decor?.className?.(column, index) ?? ''}${over ? ' flow-column--over' : ''}`}
      aria-label={column}
    >
      <h3 className="flow-column-head">
        {decor?.mark?.(column, index)}
        <span className="flow-column-name">{column}</span>
        {extra}
      </h3>
      {children}
    </section>
  );
}
