export {
  type BlockStyle,
  EMPTY_LINE,
  formatHelperReply,
  type HelperLine,
  type HelperLineError,
  type HelperReply,
  type HelperRequest,
  parseHelperLine,
} from './codec.ts';
export { runSquidHelper, type SquidDecision, type SquidHelperOptions, type SquidHelperStats } from './run.ts';
