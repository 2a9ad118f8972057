import { describe, expect, it } from 'vitest';
import { ApiError, ApiUnreachableError } from './api-errors';
import { problemForForm } from './problem-fields';

describe('problemForForm', () => {
  it('when errors[] paths name fields, then each message lands on its field', () => {
    const error = new ApiError({
      title: 'Validation failed',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'body.sku', message: 'Too long' },
        { path: '/name', message: 'Required' },
        { path: 'extra', message: 'Unknown field' },
      ],
    });

    const result = problemForForm(error, ['sku', 'name'] as const);

    expect(result.fieldErrors).toEqual({ sku: 'Too long', name: 'Required' });
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
