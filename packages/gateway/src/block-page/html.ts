export { clip, safeReviewUrl } from '@haven/core/filter';
export { escapeHtml } from '@haven/core/policy';
