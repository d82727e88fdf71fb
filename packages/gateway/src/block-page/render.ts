export { renderBlockPage, renderNoticePage } from '@haven/core/filter';
