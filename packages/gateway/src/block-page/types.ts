export type { BlockPageInfo } from '@haven/core/filter';
