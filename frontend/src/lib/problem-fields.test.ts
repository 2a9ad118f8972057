import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from './api-errors';
import { asSentence, problemForForm } from './problem-fields';

describe('problemForForm', () => {
  it('when errors[] paths name fields, then each message lands on its field', () => {
    const error = new ApiError({
      title: 'Validation failed',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'body.sku', message: 'must be at most 64 characters' },
        { path: '/name', message: 'must not be empty' },
        { path: 'extra', message: 'Unknown field' },
      ],
    });

    const result = problemForForm(error, ['sku', 'name'] as const);

    expect(result.fieldErrors).toEqual({
      sku: 'Must be at most 64 characters.',
      name: 'Must not be empty.',
    });
    expect(result.unmatched).toEqual(['extra: Unknown field']);
    expect(result.detail).toBe('The request is invalid.');
  });

  it('when a conflict code maps to a field, then the detail is shown on that field', () => {
    const error = new ApiError({
      title: 'Conflict',
      status: 409,
      code: 'SKU_TAKEN',
      detail: 'SKU-1 is taken',
    });

    expect(problemForForm(error, ['sku'] as const, { SKU_TAKEN: 'sku' }).fieldErrors).toEqual({
      sku: 'SKU-1 is taken',
    });
  });

  it('when the server was unreachable, then the summary says so', () => {
    expect(problemForForm(new ApiUnreachableError(), ['sku'] as const).detail).toMatch(
      /could not reach/,
    );
  });
});

describe('asSentence', () => {
  it('when the API words a problem as a clause, then it reads as a sentence under the field', () => {
    expect(asSentence('use only letters A–Z, digits and - _ . /')).toBe(
      'Use only letters A–Z, digits and - _ . /.',
    );
    expect(asSentence('Already ends with a stop.')).toBe('Already ends with a stop.');
  });
});
