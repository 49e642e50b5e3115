import type { Document, LineCounter, Node } from 'yaml';
import type { SpecProblem } from '../../problems';
import type { SpecLocation } from '../model';
import { locateNode, NodeTarget } from './locateNode';
import { positionOf } from './positionOf';
import { formatSpecPath, PathSegment } from './path';

/**
 * One object read from a YAML file: a whole document, or one item of a document that is a list
 * (OpenSLO tools write several objects as one list). It holds the plain data to validate and can
 * say where any part of it was written, so that every problem points at its line and column.
 *
 * @internal
 */
export class YamlObject {
  constructor(
    /** The file as the caller named it. */
    readonly file: string,
    /** The data, with `null` mapping values removed (see `withoutNullValues`). */
    readonly value: unknown,
    /** Where the object sits in its document: `[]`, or `[index]` inside a top-level list. */
    readonly basePath: readonly PathSegment[],
    private readonly document: Document,
    private readonly node: Node | null | undefined,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Where the part at `path` (relative to this object) was written. */
  location(
    path: readonly PathSegment[],
    target: NodeTarget = 'value',
  ): SpecLocation {
    const node = locateNode(this.document, this.node, path, target);
    const offset = node?.range?.[0] ?? this.node?.range?.[0] ?? 0;
    const { line, column } = positionOf(this.lineCounter, offset);
    return {
      file: this.file,
      line,
      column,
      path: formatSpecPath([...this.basePath, ...path]),
    };
  }

  /** A problem about the part at `path` (relative to this object). */
  problem(
    path: readonly PathSegment[],
    message: string,
    severity: SpecProblem['severity'] = 'error',
    target: NodeTarget = 'value',
  ): SpecProblem {
    return { ...this.location(path, target), message, severity };
  }
}
