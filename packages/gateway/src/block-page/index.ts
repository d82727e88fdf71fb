export { blockPageHeaders } from './headers.ts';
export { escapeHtml } from './html.ts';
export { renderBlockPage, renderNoticePage } from './render.ts';
export { parseReviewForm, REVIEW_LIMITS, type ReviewForm, type ReviewFormResult } from './review-form.ts';
export {
  type BlockPageRequest,
  type BlockPageServer,
  type BlockPageServerOptions,
  REVIEW_PATH,
  type ReviewRequest,
  startBlockPageServer,
} from './server.ts';
export type { BlockPageInfo } from './types.ts';
