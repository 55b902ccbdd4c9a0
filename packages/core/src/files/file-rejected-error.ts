import { DomainError } from '../errors/domain-errors.ts';
import type { Locale } from '../errors/error-messages.ts';
import { FILE_TYPES, type FileTypeId } from './file-types.ts';
import { FILE_ERROR_MESSAGES, type FileErrorCode } from '../errors/messages/files.messages.ts';

/** What a refusal message needs: the file's name, and the limit, the allow-list or the detected type. */
export interface FileRejectionParams {
  readonly name?: string;
  readonly limitBytes?: number;
  readonly allowed?: readonly FileTypeId[];
  readonly detected?: FileTypeId;
  readonly count?: number;
}

/**
 * An upload refused: wrong type, too large, a program, damaged, interrupted. Its message (in the reader's
 * language) names the file and states the limit or what is accepted, so the form can show it beside the field;
 * the form keeps the text already written. `field` is the form field the file came from.
 */
export class FileRejectedError extends DomainError {
  override readonly name = 'FileRejectedError';
  readonly kind = 'invalid';
  constructor(
    code: FileErrorCode,
    readonly params: FileRejectionParams,
    readonly field = 'files',
  ) {
    super(code);
    this.message = this.localize('en');
  }

  override localize(locale: Locale | string): string {
    const lang: Locale = locale === 'fr' ? 'fr' : 'en';
    const { name, limitBytes, allowed, detected, count } = this.params;
    const values: Record<string, string> = {
      name: name ?? '',
      limit: limitBytes === undefined ? '' : formatBytes(limitBytes, lang),
      allowed: allowed ? formatTypeList(allowed, lang) : '',
      detected: detected ? FILE_TYPES[detected].label[lang] : '',
      count: count === undefined ? '' : new Intl.NumberFormat(lang).format(count),
    };
    return FILE_ERROR_MESSAGES[this.code as FileErrorCode][lang].replace(
      /\{(\w+)\}/g,
      (_, key: string) => values[key] ?? '',
    );
  }
}

/**
 * A size as people read it, in binary units (1 MB = 1,024 KB), French units in French.
 * @example formatBytes(20 * 1024 ** 2, 'en') // '20 MB'
 * @example formatBytes(1.5 * 1024 ** 3, 'fr') // '1,5 Go'
 */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = locale === 'fr' ? ['octets', 'Ko', 'Mo', 'Go', 'To'] : ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number}\u00a0${units[unit]}`;
}

/** The names of types as a list ("PDF, Word (.docx) or CSV"; in French "… ou CSV"). */
export function formatTypeList(types: readonly FileTypeId[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(
    types.map((t) => FILE_TYPES[t].label[locale]),
  );
}
