/** What a meaning check reports: a code and message at a JSON path, turned into line:column later. */
import type { PathSegment, ProblemCode } from './codes.ts';

export interface Finding {
  code: ProblemCode;
  path: PathSegment[];
  message: string;
  /** 'key': point at the key (e.g. a valuations entry), not its value. */
  at?: 'key';
}

export type Report = (code: ProblemCode, path: PathSegment[], message: string, at?: 'key') => void;
