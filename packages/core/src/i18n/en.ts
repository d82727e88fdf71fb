/** English messages. Keys are stable; wording may change. Add keys in the area you work on. */
export const en = {
  'app.name': 'Haven',
  'error.internal': 'Something went wrong on our side. The problem has been logged.',
  'error.notFound': 'Not found.',
  'error.forbidden': 'You do not have access to this.',
  'error.unauthenticated': 'Please sign in.',
  'error.validation': 'Some of what was sent is not valid.',
  'error.csrf': 'This form has expired. Reload the page and try again.',
  'error.bodyTooLarge': 'The request is too large.',
} as const satisfies Record<string, string>;
