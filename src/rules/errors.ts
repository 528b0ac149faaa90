import type { Result, RuleErrorCode } from './types.ts';

export function fail<T>(code: RuleErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
